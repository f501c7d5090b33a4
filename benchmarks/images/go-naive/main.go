package main

import "fmt"

func main() { fmt.Println("hello from ballast's benchmark image") }
