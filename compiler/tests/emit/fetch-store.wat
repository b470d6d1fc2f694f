BUMP ( 0 -- 0 )
;; no word MAIN to link from: as linked with entry BUMP
(func $bump (;196;) (type 4)
  (local i32 i64 i64 i64 i64 i32 i32)
  i32.const 2245336                    ;; @ 3:23
  i32.load align=1                     ;; @ 3:23
  local.set 5                          ;; @ 3:23
  local.get 5                          ;; 1+ 3:25
  i32.const 1                          ;; 1+ 3:25
  i32.add                              ;; 1+ 3:25
  local.set 6                          ;; 1+ 3:25
  i32.const 2245336                    ;; ! 3:36
  local.get 6                          ;; ! 3:36
  i32.store align=1                    ;; ! 3:36
  return                               ;; ; 3:38
  unreachable
)
