MAIN ( 0 -- 0 )
;; in the image linked with entry MAIN
(func $main (;197;) (type 4)
  (local i32 i64 i64 i64 i64 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
  i32.const 2245336                               ;; @ 10:22
  i32.load align=1                                ;; @ 10:22
  local.set 5                                     ;; @ 10:22
  local.get 5                                     ;; big 10:24
  local.get 5                                     ;; big 10:24
  i32.mul                                         ;; big 10:24
  local.set 6                                     ;; big 10:24
  local.get 6                                     ;; big 10:24
  i32.const 1                                     ;; big 10:24
  i32.add                                         ;; big 10:24
  local.set 7                                     ;; big 10:24
  local.get 7                                     ;; big 10:24
  local.get 7                                     ;; big 10:24
  i32.mul                                         ;; big 10:24
  local.set 8                                     ;; big 10:24
  local.get 8                                     ;; big 10:24
  i32.const 1                                     ;; big 10:24
  i32.add                                         ;; big 10:24
  local.set 9                                     ;; big 10:24
  local.get 9                                     ;; big 10:24
  local.get 9                                     ;; big 10:24
  i32.mul                                         ;; big 10:24
  local.set 10                                    ;; big 10:24
  local.get 10                                    ;; big 10:24
  i32.const 1                                     ;; big 10:24
  i32.add                                         ;; big 10:24
  local.set 11                                    ;; big 10:24
  local.get 11                                    ;; big 10:24
  local.get 11                                    ;; big 10:24
  i32.mul                                         ;; big 10:24
  local.set 12                                    ;; big 10:24
  local.get 12                                    ;; big 10:24
  i32.const 1                                     ;; big 10:24
  i32.add                                         ;; big 10:24
  local.set 13                                    ;; big 10:24
  local.get 13                                    ;; big 10:24
  local.get 13                                    ;; big 10:24
  i32.mul                                         ;; big 10:24
  local.set 14                                    ;; big 10:24
  local.get 14                                    ;; big 10:24
  i32.const 1                                     ;; big 10:24
  i32.add                                         ;; big 10:24
  local.set 15                                    ;; big 10:24
  local.get 15                                    ;; big 10:24
  local.get 15                                    ;; big 10:24
  i32.mul                                         ;; big 10:24
  local.set 16                                    ;; big 10:24
  local.get 16                                    ;; big 10:24
  i32.const 1                                     ;; big 10:24
  i32.add                                         ;; big 10:24
  local.set 17                                    ;; big 10:24
  local.get 17                                    ;; big 10:24
  local.get 17                                    ;; big 10:24
  i32.mul                                         ;; big 10:24
  local.set 18                                    ;; big 10:24
  local.get 18                                    ;; big 10:24
  i32.const 1                                     ;; big 10:24
  i32.add                                         ;; big 10:24
  local.set 19                                    ;; big 10:24
  local.get 19                                    ;; big 10:24
  local.get 19                                    ;; big 10:24
  i32.mul                                         ;; big 10:24
  local.set 20                                    ;; big 10:24
  local.get 20                                    ;; big 10:24
  i32.const 1                                     ;; big 10:24
  i32.add                                         ;; big 10:24
  local.set 21                                    ;; big 10:24
  local.get 21                                    ;; big 10:24
  local.get 21                                    ;; big 10:24
  i32.mul                                         ;; big 10:24
  local.set 22                                    ;; big 10:24
  local.get 22                                    ;; big 10:24
  i32.const 1                                     ;; big 10:24
  i32.add                                         ;; big 10:24
  local.set 23                                    ;; big 10:24
  local.get 23                                    ;; big 10:24
  local.get 23                                    ;; big 10:24
  i32.mul                                         ;; big 10:24
  local.set 24                                    ;; big 10:24
  local.get 24                                    ;; big 10:24
  i32.const 1                                     ;; big 10:24
  i32.add                                         ;; big 10:24
  local.set 25                                    ;; big 10:24
  i32.const 2245336                               ;; ! 10:35
  local.get 25                                    ;; ! 10:35
  i32.store align=1                               ;; ! 10:35
  return                                          ;; ; 10:37
  unreachable
)
