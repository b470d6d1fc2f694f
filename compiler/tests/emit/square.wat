SQUARE ( 1 -- 1 )
;; no word MAIN to link from: as linked with entry SQUARE
(func $square (;196;) (type 5) (param i32) (result i32)
  (local i32 i64 i64 i64 i64 i32 i32)
  local.get 0                                     ;; * 3:27
  local.get 0                                     ;; * 3:27
  i32.mul                                         ;; * 3:27
  local.set 7                                     ;; * 3:27
  local.get 7                                     ;; ; 3:29
  return                                          ;; ; 3:29
  unreachable
)
