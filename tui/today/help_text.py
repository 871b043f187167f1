"""What Today's help screen (``?``) says: what Today is for and every key (Markdown)."""

TODAY_HELP = """What is due today, the rebound plan for each fresh rejection, and how your pipeline is holding up.

**A rebound plan** appears when an application closes as rejected or ghosted. One step per habit:
*Reflect* (a guided reframe, whenever you're ready), *Say thank you* (a note to each person, one each:
whoever told you gets a reply that also asks one narrow feedback question, so *Ask for feedback* needs
no second email; each interviewer gets their own thanks; due when the cool-off ends), *Stay in touch*
(keep the people you met as contacts, a connection note each) and *Move on* (back above your pipeline
floor, the next application out). A ghosting gets one *Close the loop* note instead, and no feedback
step. A loss at the final round also gets the runner-up steps: the notes on day 3, a *Light check-in*
with something to give in weeks 6–8, and *Has it reopened?* with a runner-up note about four months on.

One plan at a time shows its steps: the newest, as long as that leaves **Due today** on screen, or the
one you open with `enter` or `→` (the other folds); `←` folds it. Folded plans are one line each, saying
how many steps are due; when even those lines don't fit, a last row lists the rest on `enter`. The top
line counts what is due today and the plan steps due. Steps tick themselves off when you do them
anywhere in Rebound (a reframe written, a reply marked sent, an application made). `enter` does what
the hint under the list says (writes to the next person); once the message is marked sent, put off or
left with `escape`, you are back here on the next step. `n` adds a name met during the application as a
new contact (quarterly). `space` marks a step done, `s` skips it, `z` snoozes it to a day you choose, `u`
puts it back to do (off a step, `u` undoes the last one-key change, as everywhere). A plan leaves Today
once every step is done or skipped; it stays on the application.

**Due today** lists application next steps and drafts you snoozed until today, and feedback you can
keep as a lesson. **A good moment to reach out** suggests up to three people, each with a reason;
the rest wait on Contacts. `enter` opens each where it lives.

`/` narrows the list as you type (a company, a person, a step); `escape` clears it. `,` opens the
settings (your name, signature, pipeline floor, weekly goal, cadence, theme, your own keys…), from
any screen.
"""
