// Command consumer uses the package graphdocgen generates into graph/.
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	"example.com/consumer/graph"
)

func main() {
	client := graph.NewClient("https://graph.microsoft.com/v1.0", http.DefaultClient)
	var p graph.Person // microsoft.graph.user, renamed in graphdocgen.yaml
	data, err := json.Marshal(&p)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%T %s\n", client, data)
}
