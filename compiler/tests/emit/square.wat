SQUARE ( 1 -- 1 )
(func $square (;2;) (type 2) (param i32) (result i32)
  (local i32 i64 i64 i64 i64 i32 i32)
  local.get 0                                     ;; * 3:27
  local.get 0                                     ;; * 3:27
  i32.mul                                         ;; * 3:27
  local.set 7                                     ;; * 3:27
  local.get 7                                     ;; ; 3:29
  return                                          ;; ; 3:29
  unreachable
)
