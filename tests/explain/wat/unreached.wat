SQ ( 1 -- 1 )
;; not in the image of MAIN (nothing it runs calls it): as linked with entry SQ
(func $sq (;196;) (type 5) (param i32) (result i32)
  (local i32 i64 i64 i64 i64 i32 i32)
  local.get 0                                     ;; * 4:23
  local.get 0                                     ;; * 4:23
  i32.mul                                         ;; * 4:23
  local.set 7                                     ;; * 4:23
  local.get 7                                     ;; ; 4:25
  return                                          ;; ; 4:25
  unreachable
)
