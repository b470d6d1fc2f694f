\ args: --blocks /no/such/dir/blocks.fb
\ Writing a block when the block file cannot be created.
1 BUFFER DROP UPDATE
FLUSH
