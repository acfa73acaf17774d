module qicao

go 1.26.0

require github.com/mattn/go-sqlite3 v1.14.53

require golang.org/x/text v0.43.0
