package chatsdkredis_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// sharedRedisAddr returns CHATSDK_REDIS_ADDR, the Redis server the tests
// share, or skips the test when it is not set.
func sharedRedisAddr(t *testing.T) string {
	t.Helper()
	addr := os.Getenv("CHATSDK_REDIS_ADDR")
	if addr == "" {
		t.Skip("CHATSDK_REDIS_ADDR is not set: start a redis-server and set CHATSDK_REDIS_ADDR=host:port to run the Redis tests (.ci/run does)")
	}
	return addr
}

// newRedisClient returns a client of its own (own connection pool) for
// addr, closed when the test ends.
func newRedisClient(t *testing.T, addr string) *redis.Client {
	t.Helper()
	rdb := redis.NewClient(&redis.Options{
		Addr:         addr,
		DialTimeout:  500 * time.Millisecond,
		ReadTimeout:  500 * time.Millisecond,
		WriteTimeout: 500 * time.Millisecond,
		MaxRetries:   -1,
		// One dial per command, so that a stopped server fails fast.
		DialerRetries: 1,
		PoolSize:      64,
	})
	t.Cleanup(func() { _ = rdb.Close() })
	if err := rdb.Ping(context.Background()).Err(); err != nil {
		t.Fatalf("redis at %s: %v", addr, err)
	}
	return rdb
}

// testPrefix is a key prefix no other test run uses.
func testPrefix(t *testing.T) string {
	return fmt.Sprintf("chatsdk-test:%s:%d:", t.Name(), time.Now().UnixNano())
}

// privateRedis is a redis-server process of the test's own, on a free
// loopback port, so that the test can stop it.
type privateRedis struct {
	addr string
	cmd  *exec.Cmd
}

func startPrivateRedis(t *testing.T) *privateRedis {
	t.Helper()
	sharedRedisAddr(t)
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Skip("redis-server is not in PATH: this test starts and stops a Redis server of its own")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	_ = ln.Close()
	cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &privateRedis{addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), cmd: cmd}
	t.Cleanup(p.stop)
	rdb := redis.NewClient(&redis.Options{Addr: p.addr, MaxRetries: -1})
	defer rdb.Close()
	for i := 0; ; i++ {
		if rdb.Ping(context.Background()).Err() == nil {
			return p
		}
		if i == 100 {
			t.Fatalf("private redis-server on %s did not answer", p.addr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (p *privateRedis) stop() {
	if p.cmd.ProcessState == nil {
		_ = p.cmd.Process.Kill()
		_ = p.cmd.Wait()
	}
}
