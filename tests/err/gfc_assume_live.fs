\ ASSUME-LIVE applies to an orig (after AHEAD or IF).
: bad ( -- ) begin assume-live again ;
