"""What Today's help screen (``?``) says: what Today is for and every key (Markdown)."""

TODAY_HELP = """What is due today, the rebound plan for each fresh rejection, and how your pipeline is holding up.

**A rebound plan** appears when an application closes as rejected (or ghosted — then without the
thank-you). Five steps, one per habit: *Reflect* (a guided reframe, whenever you're ready), *Say
thank you* (a short reply to each person you met), *Ask for feedback* (best two days after), *Stay in
touch* (keep the people you met as contacts, a connection note each) and *Move on* (back above your
pipeline floor, the next application out). A loss at the final round also gets *Has it reopened?*
about four months on.

The newest plan shows its steps; the others are one line each: `enter` or `→` opens one, `←` folds
it again. Steps tick themselves off when you do them anywhere in Rebound (a reframe written, a reply
marked sent, an application made). `enter` does the highlighted step; `space` marks it done, `s`
skips it, `z` snoozes it to a day you choose, `u` puts it back to do. A plan leaves Today once every
step is done or skipped; it stays on the application.

**Due today** lists application next steps and drafts you snoozed until today, and feedback you can
keep as a lesson. **A good moment to reach out** suggests up to three people, each with a reason;
the rest wait on Contacts. `enter` opens each where it lives.

`/` narrows the list as you type (a company, a person, a step); `escape` clears it. `,` opens the
settings (your name, signature, pipeline floor, weekly goal, cadence, theme, your own keys…), from
any screen.
"""
