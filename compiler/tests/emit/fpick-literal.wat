POWER ( 1 -- 0 )
;; no word MAIN to link from: as linked with entry POWER
(func $power (;196;) (type 2) (param i32)
  (local i32 i64 i64 i64 i64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 i32 i32 i32)
  block ;; label = @1
    f64.const 0x1p+0 (;=1;)                       ;; 1e 3:34
    local.set 6                                   ;; 1e 3:34
    global.get 2                                  ;; 1e 3:34
    i32.const 16625672                            ;; 1e 3:34
    i32.lt_u                                      ;; 1e 3:34
    if ;; label = @2                              ;; 1e 3:34
      i32.const -44                               ;; 1e 3:34
      call $throw                                 ;; 1e 3:34
      unreachable                                 ;; 1e 3:34
    end                                           ;; 1e 3:34
    i32.const 0                                   ;; ?do 3:39
    local.set 32                                  ;; ?do 3:39
    local.get 0                                   ;; ?do 3:39
    local.set 33                                  ;; ?do 3:39
    global.get 2                                  ;; ?do 3:39
    i32.const -8                                  ;; ?do 3:39
    i32.add                                       ;; ?do 3:39
    global.set 2                                  ;; ?do 3:39
    global.get 2                                  ;; ?do 3:39
    local.get 6                                   ;; ?do 3:39
    f64.store                                     ;; ?do 3:39
    global.get 2                                  ;; ?do 3:39
    f64.load offset=8                             ;; ?do 3:39
    local.set 30                                  ;; ?do 3:39
    global.get 2                                  ;; ?do 3:39
    f64.load                                      ;; ?do 3:39
    local.set 31                                  ;; ?do 3:39
    local.get 32                                  ;; ?do 3:39
    local.get 33                                  ;; ?do 3:39
    i32.eq                                        ;; ?do 3:39
    if ;; label = @2                              ;; ?do 3:39
      br 1 (;@1;)                                 ;; ?do 3:39
    else                                          ;; ?do 3:39
      loop ;; label = @3
        global.get 2                              ;; fpick 3:45
        i32.const 16633840                        ;; fpick 3:45
        i32.gt_u                                  ;; fpick 3:45
        if ;; label = @4                          ;; fpick 3:45
          i32.const -45                           ;; fpick 3:45
          call $throw                             ;; fpick 3:45
          unreachable                             ;; fpick 3:45
        end                                       ;; fpick 3:45
        global.get 2                              ;; fpick 3:45
        i32.const 16625672                        ;; fpick 3:45
        i32.lt_u                                  ;; fpick 3:45
        if ;; label = @4                          ;; fpick 3:45
          i32.const -44                           ;; fpick 3:45
          call $throw                             ;; fpick 3:45
          unreachable                             ;; fpick 3:45
        end                                       ;; fpick 3:45
        local.get 31                              ;; f* 3:51
        local.get 30                              ;; f* 3:51
        f64.mul                                   ;; f* 3:51
        local.set 6                               ;; f* 3:51
        local.get 30                              ;; loop 3:54
        local.get 6                               ;; loop 3:54
        local.set 31                              ;; loop 3:54
        local.set 30                              ;; loop 3:54
        local.get 32                              ;; loop 3:54
        i32.const 1                               ;; loop 3:54
        i32.add                                   ;; loop 3:54
        local.tee 32                              ;; loop 3:54
        local.get 33                              ;; loop 3:54
        i32.eq                                    ;; loop 3:54
        if ;; label = @4                          ;; loop 3:54
          br 3 (;@1;)                             ;; loop 3:54
        else                                      ;; loop 3:54
          global.get 2                            ;; fpick 3:45
          i32.const 16633840                      ;; fpick 3:45
          i32.gt_u                                ;; fpick 3:45
          if ;; label = @5                        ;; fpick 3:45
            i32.const -45                         ;; fpick 3:45
            call $throw                           ;; fpick 3:45
            unreachable                           ;; fpick 3:45
          end                                     ;; fpick 3:45
          global.get 2                            ;; fpick 3:45
          i32.const 16625672                      ;; fpick 3:45
          i32.lt_u                                ;; fpick 3:45
          if ;; label = @5                        ;; fpick 3:45
            i32.const -44                         ;; fpick 3:45
            call $throw                           ;; fpick 3:45
            unreachable                           ;; fpick 3:45
          end                                     ;; fpick 3:45
          local.get 31                            ;; f* 3:51
          local.get 30                            ;; f* 3:51
          f64.mul                                 ;; f* 3:51
          local.set 6                             ;; f* 3:51
          local.get 30                            ;; loop 3:54
          local.get 6                             ;; loop 3:54
          local.set 31                            ;; loop 3:54
          local.set 30                            ;; loop 3:54
          local.get 32                            ;; loop 3:54
          i32.const 1                             ;; loop 3:54
          i32.add                                 ;; loop 3:54
          local.tee 32                            ;; loop 3:54
          local.get 33                            ;; loop 3:54
          i32.eq                                  ;; loop 3:54
          if ;; label = @5                        ;; loop 3:54
            br 4 (;@1;)                           ;; loop 3:54
          else                                    ;; loop 3:54
            global.get 2                          ;; fpick 3:45
            i32.const 16633840                    ;; fpick 3:45
            i32.gt_u                              ;; fpick 3:45
            if ;; label = @6                      ;; fpick 3:45
              i32.const -45                       ;; fpick 3:45
              call $throw                         ;; fpick 3:45
              unreachable                         ;; fpick 3:45
            end                                   ;; fpick 3:45
            global.get 2                          ;; fpick 3:45
            i32.const 16625672                    ;; fpick 3:45
            i32.lt_u                              ;; fpick 3:45
            if ;; label = @6                      ;; fpick 3:45
              i32.const -44                       ;; fpick 3:45
              call $throw                         ;; fpick 3:45
              unreachable                         ;; fpick 3:45
            end                                   ;; fpick 3:45
            local.get 31                          ;; f* 3:51
            local.get 30                          ;; f* 3:51
            f64.mul                               ;; f* 3:51
            local.set 6                           ;; f* 3:51
            local.get 30                          ;; loop 3:54
            local.get 6                           ;; loop 3:54
            local.set 31                          ;; loop 3:54
            local.set 30                          ;; loop 3:54
            local.get 32                          ;; loop 3:54
            i32.const 1                           ;; loop 3:54
            i32.add                               ;; loop 3:54
            local.tee 32                          ;; loop 3:54
            local.get 33                          ;; loop 3:54
            i32.eq                                ;; loop 3:54
            if ;; label = @6                      ;; loop 3:54
              br 5 (;@1;)                         ;; loop 3:54
            else                                  ;; loop 3:54
              global.get 2                        ;; fpick 3:45
              i32.const 16633840                  ;; fpick 3:45
              i32.gt_u                            ;; fpick 3:45
              if ;; label = @7                    ;; fpick 3:45
                i32.const -45                     ;; fpick 3:45
                call $throw                       ;; fpick 3:45
                unreachable                       ;; fpick 3:45
              end                                 ;; fpick 3:45
              global.get 2                        ;; fpick 3:45
              i32.const 16625672                  ;; fpick 3:45
              i32.lt_u                            ;; fpick 3:45
              if ;; label = @7                    ;; fpick 3:45
                i32.const -44                     ;; fpick 3:45
                call $throw                       ;; fpick 3:45
                unreachable                       ;; fpick 3:45
              end                                 ;; fpick 3:45
              local.get 31                        ;; f* 3:51
              local.get 30                        ;; f* 3:51
              f64.mul                             ;; f* 3:51
              local.set 6                         ;; f* 3:51
              local.get 30                        ;; loop 3:54
              local.get 6                         ;; loop 3:54
              local.set 31                        ;; loop 3:54
              local.set 30                        ;; loop 3:54
              local.get 32                        ;; loop 3:54
              i32.const 1                         ;; loop 3:54
              i32.add                             ;; loop 3:54
              local.tee 32                        ;; loop 3:54
              local.get 33                        ;; loop 3:54
              i32.eq                              ;; loop 3:54
              if ;; label = @7                    ;; loop 3:54
                br 6 (;@1;)                       ;; loop 3:54
              else                                ;; loop 3:54
                br 4 (;@3;)                       ;; loop 3:54
              end                                 ;; loop 3:54
            end                                   ;; loop 3:54
          end                                     ;; loop 3:54
        end                                       ;; loop 3:54
      end
    end                                           ;; ?do 3:39
  end
  global.get 2
  local.get 30
  f64.store offset=8
  global.get 2
  local.get 31
  f64.store
  global.get 2                                    ;; fswap 3:59
  i32.const 16633840                              ;; fswap 3:59
  i32.gt_u                                        ;; fswap 3:59
  if ;; label = @1                                ;; fswap 3:59
    i32.const -45                                 ;; fswap 3:59
    call $throw                                   ;; fswap 3:59
    unreachable                                   ;; fswap 3:59
  end                                             ;; fswap 3:59
  global.get 2                                    ;; fswap 3:59
  f64.load                                        ;; fswap 3:59
  local.set 6                                     ;; fswap 3:59
  global.get 2                                    ;; fswap 3:59
  f64.load offset=8                               ;; fswap 3:59
  local.set 7                                     ;; fswap 3:59
  global.get 2                                    ;; ; 3:71
  i32.const 8                                     ;; ; 3:71
  i32.add                                         ;; ; 3:71
  global.set 2                                    ;; ; 3:71
  global.get 2                                    ;; ; 3:71
  local.get 6                                     ;; ; 3:71
  f64.store                                       ;; ; 3:71
  return                                          ;; ; 3:71
  unreachable
)
