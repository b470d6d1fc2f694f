MAIN ( 0 -- 0 )
;; in the image linked with entry MAIN
(func $main (;197;) (type 4)
  (local i32 i64 i64 i64 i64)
  i32.const 2245336            ;; ! 9:28
  i32.const -893411419         ;; ! 9:28
  i32.store align=1            ;; ! 9:28
  return                       ;; ; 9:30
  unreachable
)
