TOTAL ( 0 -- 1 )
;; no word MAIN to link from: as linked with entry TOTAL
(func $total (;197;) (type 8) (result i32)
  (local i32 i64 i64 i64 i64 v128 v128 i32 i32 i32 i32 i32 i32 i32 i32)
  i32.const 2245336                               ;; do 4:40
  local.set 7                                     ;; do 4:40
  i32.const 2245368                               ;; do 4:40
  local.set 8                                     ;; do 4:40
  i32.const 0
  local.set 10
  block ;; label = @1
    local.get 8
    local.get 7
    i32.sub
    local.tee 12
    i32.const 3
    i32.add
    i32.const 4
    i32.div_u
    i32.const 1
    i32.sub
    i32.const 2
    i32.shr_u
    i32.const 0
    local.get 12
    i32.const 1
    i32.sub
    i32.const -2147483648
    i32.lt_u
    select
    local.tee 11
    i32.eqz
    br_if 0 (;@1;)
    local.get 11
    i32.const 2
    i32.shl
    local.set 12
    memory.size
    i64.extend_i32_u
    i64.const 16
    i64.shl
    local.set 1
    local.get 12
    i32.const 1
    i32.sub
    i64.extend_i32_u
    local.set 2
    local.get 7
    local.set 13
    local.get 13
    i64.extend_i32_u
    i64.const 4
    local.get 2
    i64.mul
    i64.add
    i64.const 4
    i64.add
    local.get 1
    i64.gt_s
    br_if 0 (;@1;)
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    local.set 6
    block ;; label = @2
      loop ;; label = @3
        local.get 13
        v128.load align=1
        local.set 5
        local.get 6
        local.get 5
        i32x4.add
        local.set 6
        local.get 13
        i32.const 16
        i32.add
        local.set 13
        local.get 11
        i32.const 1
        i32.sub
        local.tee 11
        i32.eqz
        br_if 1 (;@2;)
        local.get 13
        v128.load align=1
        local.set 5
        local.get 6
        local.get 5
        i32x4.add
        local.set 6
        local.get 13
        i32.const 16
        i32.add
        local.set 13
        local.get 11
        i32.const 1
        i32.sub
        local.tee 11
        br_if 0 (;@3;)
      end
    end
    local.get 6
    i32x4.extract_lane 0
    local.set 14
    local.get 10
    local.get 14
    i32.add
    local.set 10
    local.get 6
    i32x4.extract_lane 1
    local.set 14
    local.get 10
    local.get 14
    i32.add
    local.set 10
    local.get 6
    i32x4.extract_lane 2
    local.set 14
    local.get 10
    local.get 14
    i32.add
    local.set 10
    local.get 6
    i32x4.extract_lane 3
    local.set 14
    local.get 10
    local.get 14
    i32.add
    local.set 10
    local.get 7
    local.get 12
    i32.const 4
    i32.mul
    i32.add
    local.set 7
  end
  local.get 10                                    ;; do 4:40
  local.set 9                                     ;; do 4:40
  loop ;; label = @1
    block ;; label = @2
      local.get 7                                 ;; i 4:43
      local.set 10                                ;; i 4:43
      local.get 10                                ;; @ 4:45
      i32.load align=1                            ;; @ 4:45
      local.set 11                                ;; @ 4:45
      local.get 9                                 ;; + 4:47
      local.get 11                                ;; + 4:47
      i32.add                                     ;; + 4:47
      local.set 12                                ;; + 4:47
      local.get 12                                ;; +loop 4:57
      local.set 9                                 ;; +loop 4:57
      local.get 7                                 ;; +loop 4:57
      i32.const 4                                 ;; +loop 4:57
      i32.add                                     ;; +loop 4:57
      local.tee 7                                 ;; +loop 4:57
      local.get 8                                 ;; +loop 4:57
      i32.sub                                     ;; +loop 4:57
      i32.const 4                                 ;; +loop 4:57
      i32.lt_u                                    ;; +loop 4:57
      if ;; label = @3                            ;; +loop 4:57
        br 1 (;@2;)                               ;; +loop 4:57
      else                                        ;; +loop 4:57
        local.get 7                               ;; i 4:43
        local.set 10                              ;; i 4:43
        local.get 10                              ;; @ 4:45
        i32.load align=1                          ;; @ 4:45
        local.set 11                              ;; @ 4:45
        local.get 9                               ;; + 4:47
        local.get 11                              ;; + 4:47
        i32.add                                   ;; + 4:47
        local.set 12                              ;; + 4:47
        local.get 12                              ;; +loop 4:57
        local.set 9                               ;; +loop 4:57
        local.get 7                               ;; +loop 4:57
        i32.const 4                               ;; +loop 4:57
        i32.add                                   ;; +loop 4:57
        local.tee 7                               ;; +loop 4:57
        local.get 8                               ;; +loop 4:57
        i32.sub                                   ;; +loop 4:57
        i32.const 4                               ;; +loop 4:57
        i32.lt_u                                  ;; +loop 4:57
        if ;; label = @4                          ;; +loop 4:57
          br 2 (;@2;)                             ;; +loop 4:57
        else                                      ;; +loop 4:57
          local.get 7                             ;; i 4:43
          local.set 10                            ;; i 4:43
          local.get 10                            ;; @ 4:45
          i32.load align=1                        ;; @ 4:45
          local.set 11                            ;; @ 4:45
          local.get 9                             ;; + 4:47
          local.get 11                            ;; + 4:47
          i32.add                                 ;; + 4:47
          local.set 12                            ;; + 4:47
          local.get 12                            ;; +loop 4:57
          local.set 9                             ;; +loop 4:57
          local.get 7                             ;; +loop 4:57
          i32.const 4                             ;; +loop 4:57
          i32.add                                 ;; +loop 4:57
          local.tee 7                             ;; +loop 4:57
          local.get 8                             ;; +loop 4:57
          i32.sub                                 ;; +loop 4:57
          i32.const 4                             ;; +loop 4:57
          i32.lt_u                                ;; +loop 4:57
          if ;; label = @5                        ;; +loop 4:57
            br 3 (;@2;)                           ;; +loop 4:57
          else                                    ;; +loop 4:57
            local.get 7                           ;; i 4:43
            local.set 10                          ;; i 4:43
            local.get 10                          ;; @ 4:45
            i32.load align=1                      ;; @ 4:45
            local.set 11                          ;; @ 4:45
            local.get 9                           ;; + 4:47
            local.get 11                          ;; + 4:47
            i32.add                               ;; + 4:47
            local.set 12                          ;; + 4:47
            local.get 12                          ;; +loop 4:57
            local.set 9                           ;; +loop 4:57
            local.get 7                           ;; +loop 4:57
            i32.const 4                           ;; +loop 4:57
            i32.add                               ;; +loop 4:57
            local.tee 7                           ;; +loop 4:57
            local.get 8                           ;; +loop 4:57
            i32.sub                               ;; +loop 4:57
            i32.const 4                           ;; +loop 4:57
            i32.lt_u                              ;; +loop 4:57
            if ;; label = @6                      ;; +loop 4:57
              br 4 (;@2;)                         ;; +loop 4:57
            else                                  ;; +loop 4:57
              br 5 (;@1;)                         ;; +loop 4:57
            end                                   ;; +loop 4:57
          end                                     ;; +loop 4:57
        end                                       ;; +loop 4:57
      end                                         ;; +loop 4:57
    end
    local.get 9                                   ;; ; 4:63
    return                                        ;; ; 4:63
  end
  unreachable
)
