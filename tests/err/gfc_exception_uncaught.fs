\ A throw code made by EXCEPTION reports its message.
s" the widget is broken" exception constant broken-widget
: use-widget ( -- ) broken-widget throw ;
use-widget
