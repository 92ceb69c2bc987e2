module github.com/chatsdk-go/chatsdk/oauth2

go 1.23.0

require github.com/chatsdk-go/chatsdk v0.0.0

require (
	github.com/google/go-querystring v1.2.0 // indirect
	github.com/hashicorp/go-cleanhttp v0.5.2 // indirect
	github.com/hashicorp/go-retryablehttp v0.7.8 // indirect
	golang.org/x/oauth2 v0.30.0
)

replace github.com/chatsdk-go/chatsdk => ../
