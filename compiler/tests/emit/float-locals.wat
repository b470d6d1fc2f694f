HALVE ( 1 -- 0 )
;; no word MAIN to link from: as linked with entry HALVE
(func $halve (;196;) (type 2) (param i32)
  (local i32 i64 i64 i64 i64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 i32 i32 i32 i32 i32 i32 i32)
  local.get 0                                     ;; { 3:9
  local.set 35                                    ;; { 3:9
  global.get 2                                    ;; { 3:9
  i32.const 16633848                              ;; { 3:9
  i32.gt_u                                        ;; { 3:9
  if ;; label = @1                                ;; { 3:9
    i32.const -45                                 ;; { 3:9
    call $throw                                   ;; { 3:9
    unreachable                                   ;; { 3:9
  end                                             ;; { 3:9
  global.get 2                                    ;; { 3:9
  f64.load                                        ;; { 3:9
  local.set 6                                     ;; { 3:9
  local.get 6                                     ;; { 3:9
  local.set 30                                    ;; { 3:9
  local.get 35                                    ;; n 3:35
  local.set 37                                    ;; n 3:35
  i32.const 0                                     ;; do 3:39
  local.set 31                                    ;; do 3:39
  local.get 37                                    ;; do 3:39
  local.set 32                                    ;; do 3:39
  global.get 2                                    ;; do 3:39
  i32.const 8                                     ;; do 3:39
  i32.add                                         ;; do 3:39
  global.set 2                                    ;; do 3:39
  loop ;; label = @1
    block ;; label = @2
      local.get 30                                ;; x 3:42
      local.set 6                                 ;; x 3:42
      global.get 2                                ;; x 3:42
      i32.const 16625680                          ;; x 3:42
      i32.lt_u                                    ;; x 3:42
      if ;; label = @3                            ;; x 3:42
        i32.const -44                             ;; x 3:42
        call $throw                               ;; x 3:42
        unreachable                               ;; x 3:42
      end                                         ;; x 3:42
      f64.const 0x1p+1 (;=2;)                     ;; 2e 3:44
      local.set 7                                 ;; 2e 3:44
      local.get 6                                 ;; f/ 3:47
      local.get 7                                 ;; f/ 3:47
      f64.div                                     ;; f/ 3:47
      local.set 8                                 ;; f/ 3:47
      local.get 8                                 ;; to 3:50
      local.set 30                                ;; to 3:50
      local.get 31                                ;; loop 3:55
      i32.const 1                                 ;; loop 3:55
      i32.add                                     ;; loop 3:55
      local.tee 31                                ;; loop 3:55
      local.get 32                                ;; loop 3:55
      i32.eq                                      ;; loop 3:55
      if ;; label = @3                            ;; loop 3:55
        br 1 (;@2;)                               ;; loop 3:55
      else                                        ;; loop 3:55
        local.get 30                              ;; x 3:60
        local.set 6                               ;; x 3:60
        global.get 2                              ;; x 3:60
        i32.const 16625680                        ;; x 3:60
        i32.lt_u                                  ;; x 3:60
        if ;; label = @4                          ;; x 3:60
          i32.const -44                           ;; x 3:60
          call $throw                             ;; x 3:60
          unreachable                             ;; x 3:60
        end                                       ;; x 3:60
        f64.const 0x1p+1 (;=2;)                   ;; x 3:42
        local.set 7                               ;; x 3:42
        local.get 6                               ;; f/ 3:47
        local.get 7                               ;; f/ 3:47
        f64.div                                   ;; f/ 3:47
        local.set 8                               ;; f/ 3:47
        local.get 8                               ;; { 3:9
        local.set 30                              ;; { 3:9
        local.get 31                              ;; loop 3:55
        i32.const 1                               ;; loop 3:55
        i32.add                                   ;; loop 3:55
        local.tee 31                              ;; loop 3:55
        local.get 32                              ;; loop 3:55
        i32.eq                                    ;; loop 3:55
        if ;; label = @4                          ;; loop 3:55
          br 2 (;@2;)                             ;; loop 3:55
        else                                      ;; loop 3:55
          local.get 30                            ;; x 3:42
          local.set 6                             ;; x 3:42
          global.get 2                            ;; x 3:42
          i32.const 16625680                      ;; x 3:42
          i32.lt_u                                ;; x 3:42
          if ;; label = @5                        ;; x 3:42
            i32.const -44                         ;; x 3:42
            call $throw                           ;; x 3:42
            unreachable                           ;; x 3:42
          end                                     ;; x 3:42
          f64.const 0x1p+1 (;=2;)                 ;; x 3:42
          local.set 7                             ;; x 3:42
          local.get 6                             ;; f/ 3:47
          local.get 7                             ;; f/ 3:47
          f64.div                                 ;; f/ 3:47
          local.set 8                             ;; f/ 3:47
          local.get 8                             ;; { 3:9
          local.set 30                            ;; { 3:9
          local.get 31                            ;; loop 3:55
          i32.const 1                             ;; loop 3:55
          i32.add                                 ;; loop 3:55
          local.tee 31                            ;; loop 3:55
          local.get 32                            ;; loop 3:55
          i32.eq                                  ;; loop 3:55
          if ;; label = @5                        ;; loop 3:55
            br 3 (;@2;)                           ;; loop 3:55
          else                                    ;; loop 3:55
            local.get 30                          ;; x 3:42
            local.set 6                           ;; x 3:42
            global.get 2                          ;; x 3:42
            i32.const 16625680                    ;; x 3:42
            i32.lt_u                              ;; x 3:42
            if ;; label = @6                      ;; x 3:42
              i32.const -44                       ;; x 3:42
              call $throw                         ;; x 3:42
              unreachable                         ;; x 3:42
            end                                   ;; x 3:42
            f64.const 0x1p+1 (;=2;)               ;; x 3:42
            local.set 7                           ;; x 3:42
            local.get 6                           ;; f/ 3:47
            local.get 7                           ;; f/ 3:47
            f64.div                               ;; f/ 3:47
            local.set 8                           ;; f/ 3:47
            local.get 8                           ;; { 3:9
            local.set 30                          ;; { 3:9
            local.get 31                          ;; loop 3:55
            i32.const 1                           ;; loop 3:55
            i32.add                               ;; loop 3:55
            local.tee 31                          ;; loop 3:55
            local.get 32                          ;; loop 3:55
            i32.eq                                ;; loop 3:55
            if ;; label = @6                      ;; loop 3:55
              br 4 (;@2;)                         ;; loop 3:55
            else                                  ;; loop 3:55
              br 5 (;@1;)                         ;; loop 3:55
            end                                   ;; loop 3:55
          end                                     ;; loop 3:55
        end                                       ;; loop 3:55
      end                                         ;; loop 3:55
    end
    local.get 30                                  ;; x 3:42
    local.set 6                                   ;; x 3:42
    global.get 2                                  ;; x 3:42
    i32.const 16625672                            ;; x 3:42
    i32.lt_u                                      ;; x 3:42
    if ;; label = @2                              ;; x 3:42
      i32.const -44                               ;; x 3:42
      call $throw                                 ;; x 3:42
      unreachable                                 ;; x 3:42
    end                                           ;; x 3:42
    global.get 2                                  ;; ; 3:62
    i32.const -8                                  ;; ; 3:62
    i32.add                                       ;; ; 3:62
    global.set 2                                  ;; ; 3:62
    global.get 2                                  ;; ; 3:62
    local.get 6                                   ;; ; 3:62
    f64.store                                     ;; ; 3:62
    return                                        ;; ; 3:62
  end
  unreachable
)
