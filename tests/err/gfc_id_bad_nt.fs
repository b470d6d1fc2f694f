\ ID. needs a name token; an xt is not one here.
5000 id.
