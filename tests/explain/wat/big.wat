BIG ( 1 -- 1 )
;; in the image linked with entry MAIN; inlined into MAIN at link time (this function stays in the image, for EXECUTE)
(func $big (;196;) (type 5) (param i32) (result i32)
  (local i32 i64 i64 i64 i64 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
  local.get 0                                     ;; * 5:7
  local.get 0                                     ;; * 5:7
  i32.mul                                         ;; * 5:7
  local.set 7                                     ;; * 5:7
  local.get 7                                     ;; 1+ 5:9
  i32.const 1                                     ;; 1+ 5:9
  i32.add                                         ;; 1+ 5:9
  local.set 8                                     ;; 1+ 5:9
  local.get 8                                     ;; * 5:16
  local.get 8                                     ;; * 5:16
  i32.mul                                         ;; * 5:16
  local.set 9                                     ;; * 5:16
  local.get 9                                     ;; 1+ 5:18
  i32.const 1                                     ;; 1+ 5:18
  i32.add                                         ;; 1+ 5:18
  local.set 10                                    ;; 1+ 5:18
  local.get 10                                    ;; * 5:25
  local.get 10                                    ;; * 5:25
  i32.mul                                         ;; * 5:25
  local.set 11                                    ;; * 5:25
  local.get 11                                    ;; 1+ 5:27
  i32.const 1                                     ;; 1+ 5:27
  i32.add                                         ;; 1+ 5:27
  local.set 12                                    ;; 1+ 5:27
  local.get 12                                    ;; * 5:34
  local.get 12                                    ;; * 5:34
  i32.mul                                         ;; * 5:34
  local.set 13                                    ;; * 5:34
  local.get 13                                    ;; 1+ 5:36
  i32.const 1                                     ;; 1+ 5:36
  i32.add                                         ;; 1+ 5:36
  local.set 14                                    ;; 1+ 5:36
  local.get 14                                    ;; * 5:43
  local.get 14                                    ;; * 5:43
  i32.mul                                         ;; * 5:43
  local.set 15                                    ;; * 5:43
  local.get 15                                    ;; 1+ 5:45
  i32.const 1                                     ;; 1+ 5:45
  i32.add                                         ;; 1+ 5:45
  local.set 16                                    ;; 1+ 5:45
  local.get 16                                    ;; * 6:7
  local.get 16                                    ;; * 6:7
  i32.mul                                         ;; * 6:7
  local.set 17                                    ;; * 6:7
  local.get 17                                    ;; 1+ 6:9
  i32.const 1                                     ;; 1+ 6:9
  i32.add                                         ;; 1+ 6:9
  local.set 18                                    ;; 1+ 6:9
  local.get 18                                    ;; * 6:16
  local.get 18                                    ;; * 6:16
  i32.mul                                         ;; * 6:16
  local.set 19                                    ;; * 6:16
  local.get 19                                    ;; 1+ 6:18
  i32.const 1                                     ;; 1+ 6:18
  i32.add                                         ;; 1+ 6:18
  local.set 20                                    ;; 1+ 6:18
  local.get 20                                    ;; * 6:25
  local.get 20                                    ;; * 6:25
  i32.mul                                         ;; * 6:25
  local.set 21                                    ;; * 6:25
  local.get 21                                    ;; 1+ 6:27
  i32.const 1                                     ;; 1+ 6:27
  i32.add                                         ;; 1+ 6:27
  local.set 22                                    ;; 1+ 6:27
  local.get 22                                    ;; * 6:34
  local.get 22                                    ;; * 6:34
  i32.mul                                         ;; * 6:34
  local.set 23                                    ;; * 6:34
  local.get 23                                    ;; 1+ 6:36
  i32.const 1                                     ;; 1+ 6:36
  i32.add                                         ;; 1+ 6:36
  local.set 24                                    ;; 1+ 6:36
  local.get 24                                    ;; * 6:43
  local.get 24                                    ;; * 6:43
  i32.mul                                         ;; * 6:43
  local.set 25                                    ;; * 6:43
  local.get 25                                    ;; 1+ 6:45
  i32.const 1                                     ;; 1+ 6:45
  i32.add                                         ;; 1+ 6:45
  local.set 26                                    ;; 1+ 6:45
  local.get 26                                    ;; ; 6:48
  return                                          ;; ; 6:48
  unreachable
)
