// Package viet holds the Vietnamese-text rules the portal relies on for
// search, URLs and sorting: Unicode normalisation, tone-mark placement,
// accent folding, slugs, government abbreviations, query parsing, result
// highlighting and alphabetical collation.
//
// Everything here is pure and safe for concurrent use. Inputs are never
// trusted to be valid UTF-8: invalid bytes are replaced with U+FFFD rather
// than passed through or allowed to panic, because most of these functions
// sit directly behind user input (search box, editor titles).
package viet
