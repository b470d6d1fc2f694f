\ F>STR-RDP wider than the pictured numeric output buffer.
1e 100000 2 1 f>str-rdp type
