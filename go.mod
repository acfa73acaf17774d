module qicao

go 1.26.0
