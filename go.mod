module github.com/certrenew/certrenew

go 1.24

require (
	github.com/google/go-cmp v0.7.0
	github.com/leanovate/gopter v0.2.11
)

require github.com/arran4/golang-ical v0.3.4
