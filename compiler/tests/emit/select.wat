LARGER ( 2 -- 1 )
;; no word MAIN to link from: as linked with entry LARGER
(func $larger (;196;) (type 7) (param i32 i32) (result i32)
  (local i32 i64 i64 i64 i64 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
  i32.const 0                                     ;; > 2:28
  local.get 0                                     ;; > 2:28
  local.get 1                                     ;; > 2:28
  i32.gt_s                                        ;; > 2:28
  i32.sub                                         ;; > 2:28
  local.set 12                                    ;; > 2:28
  local.get 12                                    ;; nip 2:43
  local.set 7                                     ;; nip 2:43
  local.get 1                                     ;; nip 2:43
  local.set 8                                     ;; nip 2:43
  local.get 0                                     ;; nip 2:43
  local.set 9                                     ;; nip 2:43
  local.get 9                                     ;; nip 2:43
  local.set 13                                    ;; nip 2:43
  local.get 8                                     ;; drop 2:33
  local.set 14                                    ;; drop 2:33
  local.get 7                                     ;; drop 2:33
  local.set 15                                    ;; drop 2:33
  local.get 13                                    ;; drop 2:33
  local.get 14                                    ;; drop 2:33
  local.get 15                                    ;; drop 2:33
  select                                          ;; drop 2:33
  local.set 16                                    ;; drop 2:33
  local.get 16                                    ;; ; 2:52
  return                                          ;; ; 2:52
  unreachable
)
