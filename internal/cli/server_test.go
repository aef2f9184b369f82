package cli

import (
	"strings"
	"testing"

	"github.com/studyplanner/studyplanner/internal/store/storetest"
)

func TestServerInitSetsUpLearnersAndAMentorAndCanRunAgain(t *testing.T) {
	ana, ben, mentor := storetest.Unique("ana"), storetest.Unique("ben"), storetest.Unique("mentor")
	storetest.DropRoles(t, ana, ben, mentor)
	db := storetest.Database(t)
	for i := 0; i < 2; i++ {
		r := run(t, "", "server", "init", "--db", db, "--learners", ana+", "+ben, "--mentor", mentor)
		if r.code != 0 || !strings.Contains(r.stdout, "Set up 2 learners") || !strings.Contains(r.stdout, "The mentor "+mentor) {
			t.Fatalf("run %d: exit %d\n%s%s", i+1, r.code, r.stdout, r.stderr)
		}
	}
	// A learner opens their own data by their role alone.
	if r := run(t, "", "--db", storetest.AsRole(t, db, ana), "status"); r.code != 0 {
		t.Errorf("%s's status: exit %d, %s", ana, r.code, r.stderr)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"server"}, "needs an action"},
		{[]string{"server", "start"}, `unknown server action "start"`},
		{[]string{"server", "init", "--db=/tmp/x.db", "--learners", "ana"}, "postgres://"}, // not mapped to a server in a run there
		{[]string{"server", "init", "--db", db}, "--learners"},
	} {
		if r := run(t, "", c.args...); r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want a usage error saying %q", c.args, r.code, r.stderr, c.want)
		}
	}
	if r := run(t, "", "server", "init", "--db", db, "--learners", "Ana"); r.code != 1 || !strings.Contains(r.stderr, "cannot name a learner") {
		t.Errorf("a name with a capital: exit %d, %q", r.code, r.stderr)
	}
}
