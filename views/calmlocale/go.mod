module calmlocale

go 1.26.8
