COUNTDOWN ( 1 -- 1 )
;; no word MAIN to link from: as linked with entry COUNTDOWN
(func $countdown (;196;) (type 5) (param i32) (result i32)
  (local i32 i64 i64 i64 i64 i32 i32 i32 i32)
  i32.const 0                                     ;; begin 2:35
  local.get 0                                     ;; begin 2:35
  local.set 7                                     ;; begin 2:35
  local.set 6                                     ;; begin 2:35
  loop ;; label = @1
    block ;; label = @2
      local.get 7                                 ;; while 2:45
      local.set 8                                 ;; while 2:45
      local.get 8                                 ;; while 2:45
      if ;; label = @3                            ;; while 2:45
        local.get 7                               ;; 1- 2:51
        i32.const 1                               ;; 1- 2:51
        i32.sub                                   ;; 1- 2:51
        local.set 8                               ;; 1- 2:51
        local.get 6                               ;; 1+ 2:59
        i32.const 1                               ;; 1+ 2:59
        i32.add                                   ;; 1+ 2:59
        local.set 9                               ;; 1+ 2:59
        local.get 9                               ;; begin 2:35
        local.get 8                               ;; begin 2:35
        local.set 7                               ;; begin 2:35
        local.set 6                               ;; begin 2:35
        local.get 7                               ;; while 2:45
        local.set 8                               ;; while 2:45
        local.get 8                               ;; while 2:45
        if ;; label = @4                          ;; while 2:45
          local.get 7                             ;; 1- 2:51
          i32.const 1                             ;; 1- 2:51
          i32.sub                                 ;; 1- 2:51
          local.set 8                             ;; 1- 2:51
          local.get 6                             ;; 1+ 2:59
          i32.const 1                             ;; 1+ 2:59
          i32.add                                 ;; 1+ 2:59
          local.set 9                             ;; 1+ 2:59
          local.get 9                             ;; begin 2:35
          local.get 8                             ;; begin 2:35
          local.set 7                             ;; begin 2:35
          local.set 6                             ;; begin 2:35
          local.get 7                             ;; while 2:45
          local.set 8                             ;; while 2:45
          local.get 8                             ;; while 2:45
          if ;; label = @5                        ;; while 2:45
            local.get 7                           ;; 1- 2:51
            i32.const 1                           ;; 1- 2:51
            i32.sub                               ;; 1- 2:51
            local.set 8                           ;; 1- 2:51
            local.get 6                           ;; 1+ 2:59
            i32.const 1                           ;; 1+ 2:59
            i32.add                               ;; 1+ 2:59
            local.set 9                           ;; 1+ 2:59
            local.get 9                           ;; begin 2:35
            local.get 8                           ;; begin 2:35
            local.set 7                           ;; begin 2:35
            local.set 6                           ;; begin 2:35
            local.get 7                           ;; while 2:45
            local.set 8                           ;; while 2:45
            local.get 8                           ;; while 2:45
            if ;; label = @6                      ;; while 2:45
              local.get 7                         ;; 1- 2:51
              i32.const 1                         ;; 1- 2:51
              i32.sub                             ;; 1- 2:51
              local.set 8                         ;; 1- 2:51
              local.get 6                         ;; 1+ 2:59
              i32.const 1                         ;; 1+ 2:59
              i32.add                             ;; 1+ 2:59
              local.set 9                         ;; 1+ 2:59
              local.get 9                         ;; repeat 2:67
              local.get 8                         ;; repeat 2:67
              local.set 7                         ;; repeat 2:67
              local.set 6                         ;; repeat 2:67
              br 5 (;@1;)                         ;; repeat 2:67
            else                                  ;; while 2:45
              br 4 (;@2;)                         ;; while 2:45
            end                                   ;; while 2:45
          else                                    ;; while 2:45
            br 3 (;@2;)                           ;; while 2:45
          end                                     ;; while 2:45
        else                                      ;; while 2:45
          br 2 (;@2;)                             ;; while 2:45
        end                                       ;; while 2:45
      else                                        ;; while 2:45
        br 1 (;@2;)                               ;; while 2:45
      end                                         ;; while 2:45
    end
    local.get 6                                   ;; ; 2:79
    return                                        ;; ; 2:79
  end
  unreachable
)
