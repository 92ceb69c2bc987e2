package chatio

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

// parsedAsWebhookURL is what validateWebhookURL accepts, judged by url.Parse
// alone.
func parsedAsWebhookURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// TestPlainHTTPURLsParse checks that every URL the fast path accepts is one
// url.Parse accepts, and that the validator's verdict is url.Parse's.
func TestPlainHTTPURLsParse(t *testing.T) {
	for _, raw := range []string{
		"https://bot.example.com/hook", "http://bot.example.com", "HTTPS://Bot.Example.com/Hook", "hTtP://x",
		"https://bot.example.com:8443/a/b?c=d&e=f#g", "https://bot.example.com:/a", "https://127.0.0.1:80/",
		"https://a.b-c.d/~x/y.z;p=1?q=a,b+c:d@e!$'()*#frag/?", "http://x?q", "http://x#", "http://x/?",
		"https://.", "https://-", "https://x:80:90/", "https://x:8a/",
		"", " ", "http://", "https://", "http:///path", "https:///", "http://:80/", "http://@x/", "http://u:p@x/",
		"http://[::1]:80/", "http://[::1/", "http://x/%zz", "http://x/%41", "http://x y/", "http://x/ y", " http://x/",
		"http://x/\n", "http://x/\x7f", "http://x/é", "http://é.example/", "http://x\\y/", "http://x/\"", "http://x/<>",
		"ftp://x.example/", "myservice.com/webhooks", "//x.example/", "http:x.example", "http:/x.example",
		"https://x%41.example/", "http://x#%zz", "http://x?%zz", "http://x/{}|^`", "http://x/[a]",
	} {
		if isPlainHTTPURL(raw) {
			assert.True(t, parsedAsWebhookURL(raw), "fast path accepts %q, url.Parse does not", raw)
		}
		assert.Equal(t, parsedAsWebhookURL(raw), validateWebhookURL("url", raw) == nil, "%q", raw)
	}
}

// FuzzPlainHTTPURL checks that the fast path never accepts a URL that
// url.Parse refuses or gives another scheme or no host.
func FuzzPlainHTTPURL(f *testing.F) {
	for _, s := range []string{"https://bot.example.com:8443/a?b=c#d", "http://x", "http://x:1/", "https://a.b/c;d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if isPlainHTTPURL(raw) && !parsedAsWebhookURL(raw) {
			t.Errorf("fast path accepts %q, url.Parse does not", raw)
		}
	})
}
