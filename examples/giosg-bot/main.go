// Command giosg-bot is a small giosg chat bot. It watches the pending chats
// of its user, joins each one, greets the visitor with buttons and then
// hands the chat over to the human team (the bot stops participating; the
// chat stays open), or with -end ends it (an out-of-hours bot).
//
// With no environment variables it runs offline against an in-process
// giosgtest fake seeded with a few pending chats, and exits once they are
// served:
//
//	go run ./examples/giosg-bot
//
// Against a real organization, give it the bot user's API token and user
// ID. It then polls until interrupted (Ctrl-C). The bot user must be online
// in giosg: the API refuses to let an absent user join a chat (409).
//
//	GIOSG_TOKEN=... GIOSG_USER_ID=... go run ./examples/giosg-bot -interval 15s
//
// GIOSG_BASE_URL overrides https://service.giosg.com.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
)

func main() {
	interval := flag.Duration("interval", 15*time.Second, "how often to look for pending chats (real organization)")
	end := flag.Bool("end", false, "end each chat after the greeting instead of handing it over")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Stdout, os.Getenv, *interval, *end); err != nil {
		fmt.Fprintln(os.Stderr, "giosg-bot:", err)
		os.Exit(1)
	}
}

// run serves a real organization when GIOSG_TOKEN is set, else the fake.
func run(ctx context.Context, w io.Writer, getenv func(string) string, interval time.Duration, end bool) error {
	bot := &Bot{UserID: getenv("GIOSG_USER_ID"), End: end, Log: log.New(w, "", log.Ltime)}
	token := getenv("GIOSG_TOKEN")
	if token == "" {
		srv := newFake()
		defer srv.Close()
		c, err := giosg.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
		if err != nil {
			return err
		}
		bot.Client, bot.UserID = c, giosgtest.UserID
		bot.logf("offline: serving the pending chats of a giosgtest fake (set GIOSG_TOKEN for a real organization)")
		return bot.Run(ctx, 10*time.Millisecond, 10)
	}
	if bot.UserID == "" {
		return errors.New("GIOSG_USER_ID (the bot user's ID) is required with GIOSG_TOKEN")
	}
	var opts []chatsdk.Option
	if u := getenv("GIOSG_BASE_URL"); u != "" {
		opts = append(opts, chatsdk.WithBaseURL(u))
	}
	c, err := giosg.NewClient(token, opts...)
	if err != nil {
		return err
	}
	bot.Client = c
	return bot.Run(ctx, interval, 0)
}

// newFake starts a giosgtest fake with a few more pending chats than the
// one it is seeded with.
func newFake() *giosgtest.Server {
	srv := giosgtest.NewServer()
	for _, text := range []string{"Hello?", "Do you ship to Finland?", "Where is my order #1234?"} {
		srv.AddPendingChat(text)
	}
	return srv
}

// Bot serves the pending chats of one giosg user.
type Bot struct {
	Client *giosg.Client
	UserID string
	// End ends each chat after the greeting; otherwise the bot leaves it
	// open for the human team.
	End bool
	// Log gets one line per chat served; nil means log.Default().
	Log *log.Logger
}

func (b *Bot) logf(format string, args ...any) {
	l := b.Log
	if l == nil {
		l = log.Default()
	}
	l.Printf(format, args...)
}

// Run serves pending chats once per interval until ctx is done (it then
// returns nil). With maxRounds > 0 it stops after that many rounds, or
// earlier after a round that found nothing to serve. A failed round is
// logged and tried again at the next tick, except for authentication and
// permission errors, which a retry will not fix.
func (b *Bot) Run(ctx context.Context, interval time.Duration, maxRounds int) error {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for round := 1; ; round++ {
		served, err := b.ServePending(ctx)
		switch {
		case ctx.Err() != nil:
			return nil
		case errors.Is(err, chatsdk.ErrUnauthorized), errors.Is(err, chatsdk.ErrForbidden):
			return err
		case err != nil:
			b.logf("round %d failed, trying again in %s: %v", round, interval, err)
		}
		if maxRounds > 0 && served == 0 && err == nil {
			b.logf("no pending chats left after %d rounds", round)
			return nil
		}
		if round == maxRounds {
			b.logf("stopping after %d rounds", round)
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// ServePending serves every chat that is pending now and reports how many
// it served. A chat another user took first is skipped; a chat that fails
// otherwise is logged and skipped.
func (b *Bot) ServePending(ctx context.Context) (served int, err error) {
	for chat, err := range b.Client.Chats.List(ctx, giosg.UserPendingChats(b.UserID), nil) {
		if err != nil {
			return served, err
		}
		switch err := b.serve(ctx, chat.ID); {
		case err == nil:
			served++
		case errors.Is(err, chatsdk.ErrNotFound):
			b.logf("chat %s: taken by someone else", chat.ID)
		case ctx.Err() != nil, errors.Is(err, chatsdk.ErrUnauthorized):
			return served, fmt.Errorf("chat %s: %w", chat.ID, err)
		default:
			// Serve the other chats; this one is tried again next round if it
			// is still pending.
			b.logf("chat %s: %v", chat.ID, err)
		}
	}
	return served, nil
}

// serve joins one pending chat, greets the visitor, then ends the chat or
// hands it over.
func (b *Bot) serve(ctx context.Context, chatID string) error {
	// Joining a pending chat takes it: a second join by anyone gets 404.
	join := &giosg.MembershipJoin{IsParticipating: true, ComposingStatus: giosg.ComposingIdle}
	if _, err := b.Client.Memberships.Join(ctx, giosg.UserPendingChats(b.UserID), chatID, join); err != nil {
		return err
	}
	mine := giosg.UserChats(b.UserID)
	// Send is never retried once it may have reached the server, so the
	// visitor never gets the greeting twice.
	if _, err := b.Client.Messages.Send(ctx, mine, chatID, greeting(b.End)); err != nil {
		return err
	}
	if b.End {
		if _, err := b.Client.Chats.End(ctx, mine, chatID); err != nil {
			return err
		}
		b.logf("chat %s: greeted and ended", chatID)
		return nil
	}
	leave := &giosg.MembershipUpdate{IsParticipating: false, ComposingStatus: giosg.ComposingIdle}
	if _, err := b.Client.Memberships.Update(ctx, b.UserID, chatID, leave); err != nil {
		return err
	}
	b.logf("chat %s: greeted and handed over", chatID)
	return nil
}

// greeting is the bot's first message: a short text with link buttons
// (a "button" action would instead come back as a message of type
// "action" carrying the button's value, for a bot that reads replies).
func greeting(closing bool) *giosg.MessageCreate {
	text := "Hi! A colleague will be with you shortly. Meanwhile, these may help:"
	if closing {
		text = "Hi! We are away right now. These may help:"
	}
	return &giosg.MessageCreate{
		Message:            text,
		AttachmentTemplate: giosg.TemplateGeneric,
		Attachments: []giosg.Attachment{{
			Actions: []giosg.AttachmentAction{
				{Text: "Track my order", Type: giosg.ActionLinkButton, Value: "https://www.example.com/orders",
					LinkTarget: giosg.LinkTargetBlank, Style: giosg.StylePrimary},
				{Text: "Opening hours", Type: giosg.ActionLinkButton, Value: "#opening-hours",
					LinkTarget: giosg.LinkTargetParent},
			},
		}},
	}
}
