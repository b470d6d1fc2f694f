\ IF means nothing outside a definition.
if
