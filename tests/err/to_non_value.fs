\ TO on a word that is not a VALUE.
variable v 5 to v
