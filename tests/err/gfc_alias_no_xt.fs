\ ALIAS takes the xt from the stack: with an empty stack it underflows.
alias nothing
