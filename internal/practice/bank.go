package practice

// The default question bank: short model answers written for Study
// Planner, each tagged with its topic and linked to the default roadmap's
// skills it tests. Keys never change once shipped: they are how a
// database knows which of the bank's questions it was given.

type bankEntry struct {
	key    string
	topic  Topic
	skills []string
	front  string
	back   string
}

// Skill names of the default roadmap (assets/packs/backend-developer.json).
const (
	skAlgo     = "Algorithms and complexity"
	skDS       = "Core data structures"
	skCoding   = ChallengeSkill
	skSQL      = "SQL fundamentals"
	skDBDesign = "Relational database design"
	skPostgres = "PostgreSQL in practice"
	skHTTP     = "HTTP and REST fundamentals"
	skDeploy   = "Servers and deployment basics"
	skGit      = "Git basics"
	skPR       = "Branches and pull requests on GitHub"
	skDebug    = "Using a debugger"
	skUnit     = "Unit testing"
	skQA       = "QA and test planning across browsers and devices"
	skOWASP    = "Web security basics (OWASP Top 10)"
	skAuth     = "Authentication and protecting user data"
	skPerf     = "Measuring performance"
	skScale    = "Caching and scaling out"
	skExplain  = "Explaining technical issues to non-specialists"
	skProblem  = "Analytical problem solving"
	skTeam     = "Teamwork, code review and mentoring"
)

func s(names ...string) []string { return names }

var bank = []bankEntry{
	// Algorithms
	{"algo-big-o", Algorithms, s(skAlgo), "What does Big-O notation describe, and why do interviewers ask for it?",
		"It describes how the work (time or memory) an algorithm needs **grows as the input grows**, ignoring constant factors. It lets you compare approaches before writing them: an O(n log n) sort beats an O(n²) one once n is large."},
	{"algo-binary-search", Algorithms, s(skAlgo, skCoding), "How does binary search work and what does it need?",
		"It needs a **sorted** sequence. Compare the target with the middle element; discard the half that cannot hold it; repeat. Each step halves the range, so it takes O(log n) steps. Watch the loop bounds to avoid an endless loop or missing the last element."},
	{"algo-sorts", Algorithms, s(skAlgo), "Compare quicksort and merge sort.",
		"Both average O(n log n). **Merge sort** always does, is stable, but needs O(n) extra memory. **Quicksort** sorts in place and is fast in practice, but a bad pivot choice makes it O(n²) in the worst case; random pivots make that unlikely."},
	{"algo-recursion", Algorithms, s(skAlgo), "What do you need for a correct recursive function?",
		"A **base case** that stops the recursion, and a recursive step that moves every call closer to it. Remember each call uses stack space: very deep recursion can overflow the stack, so an explicit stack or loop may be safer."},
	{"algo-dp", Algorithms, s(skAlgo, skCoding), "What is dynamic programming?",
		"Solving a problem by combining answers to **overlapping subproblems**, storing each answer so it is computed once (memoisation top-down, or a table filled bottom-up). It applies when the problem has optimal substructure, e.g. the longest common subsequence or coin change."},
	{"algo-two-pointers", Algorithms, s(skCoding), "When is the two-pointer technique useful?",
		"On sorted arrays or sequences where you look for a pair or a window: one pointer at each end (pair summing to a target) or both moving forward (sliding window). It often turns an O(n²) double loop into O(n)."},
	{"algo-bfs-dfs", Algorithms, s(skAlgo, skCoding), "Breadth-first or depth-first search: when do you pick which?",
		"**BFS** visits nodes level by level with a queue, so it finds the shortest path in an unweighted graph. **DFS** goes deep first with a stack or recursion; it suits exploring all paths, cycle detection and topological order. Both are O(V + E)."},
	{"algo-dijkstra", Algorithms, s(skAlgo), "What does Dijkstra's algorithm compute and what is its limit?",
		"Shortest paths from one node to all others in a graph with **non-negative** edge weights, using a priority queue: O((V + E) log V). With negative weights it can give wrong answers; use Bellman-Ford then."},
	{"algo-greedy", Algorithms, s(skAlgo), "What is a greedy algorithm, and when can it fail?",
		"It takes the best-looking choice at each step and never goes back. It is right only when local best choices lead to a global best (e.g. interval scheduling by earliest end). For coin change with odd coin values it can miss the optimum."},
	{"algo-approach", Algorithms, s(skCoding, skProblem), "How do you approach a coding problem in an interview?",
		"Restate the problem and ask about edge cases and input size; work a small example by hand; say a simple solution and its complexity; improve it; then code while talking, and test with your example and edge cases (empty input, one element, duplicates)."},
	// Data structures
	{"ds-array-list", DataStructures, s(skDS), "Array versus linked list: what are the trade-offs?",
		"An **array** gives O(1) access by index and is cache-friendly, but inserting in the middle shifts elements (O(n)). A **linked list** inserts or removes at a known node in O(1) but needs O(n) to reach an index and uses extra memory for pointers."},
	{"ds-hash-map", DataStructures, s(skDS), "How does a hash map work?",
		"A hash function turns the key into a bucket index; the entry is stored there. Collisions are handled by chaining or probing. Lookups average O(1); when the table fills, it is resized and entries rehashed. A bad hash makes it degrade towards O(n)."},
	{"ds-stack-queue", DataStructures, s(skDS), "What is the difference between a stack and a queue? Give a use of each.",
		"A **stack** is last in, first out (undo history, the call stack, matching brackets). A **queue** is first in, first out (jobs waiting for a worker, BFS). Both push and pop in O(1)."},
	{"ds-heap", DataStructures, s(skDS), "What is a heap, and what is it good for?",
		"A complete binary tree where every parent is smaller (min-heap) or larger than its children, usually stored in an array. It gives the minimum in O(1) and inserts or removes in O(log n): priority queues, top-k problems, Dijkstra."},
	{"ds-bst", DataStructures, s(skDS), "What is a binary search tree, and why balance it?",
		"Each node's left subtree holds smaller keys and its right subtree larger ones, so search, insert and delete follow one path. Unbalanced (e.g. built from sorted input) it becomes a list with O(n) operations; balanced trees (red-black, AVL) keep them O(log n)."},
	{"ds-graph-repr", DataStructures, s(skDS), "How can a graph be represented in memory?",
		"An **adjacency list** (each node lists its neighbours) uses O(V + E) memory and suits sparse graphs. An **adjacency matrix** uses O(V²) but answers \"is there an edge?\" in O(1), which suits dense graphs."},
	{"ds-trie", DataStructures, s(skDS), "What is a trie used for?",
		"A tree of characters where each path from the root spells a prefix. It finds all words with a given prefix in time proportional to the prefix length: autocomplete, spell checking, routing tables."},
	{"ds-set", DataStructures, s(skDS, skCoding), "When would you reach for a set?",
		"When you need to know quickly whether you have seen a value, or to remove duplicates. A hash set answers membership in O(1) on average; a sorted set keeps order at O(log n)."},
	{"ds-immutability", DataStructures, s(skDS), "What are the benefits of immutable data structures?",
		"They can be shared between threads without locks, passed around without defensive copies, and make code easier to reason about since nothing changes behind your back. The cost is making new copies on change, reduced by structural sharing."},
	// Databases & SQL
	{"db-join-types", Databases, s(skSQL), "Explain INNER JOIN versus LEFT JOIN.",
		"An **inner join** returns only rows with a match in both tables. A **left join** returns every row of the left table, with the right table's columns NULL where nothing matches — useful for \"customers and their orders, including those with none\"."},
	{"db-index", Databases, s(skSQL, skPostgres), "What is a database index and what does it cost?",
		"A separate structure (usually a B-tree) that finds rows by a column's value without scanning the table. It speeds up reads on filtered or sorted columns but uses space and slows every insert, update and delete that must keep it current."},
	{"db-normalisation", Databases, s(skDBDesign), "What is normalisation and why do it?",
		"Organising tables so each fact is stored once: no repeating groups (1NF), every column depends on the whole key (2NF) and only on the key (3NF). It prevents update anomalies; sometimes you denormalise deliberately for read speed."},
	{"db-acid", Databases, s(skSQL, skPostgres), "What does ACID stand for?",
		"**Atomicity** (all of a transaction or none), **Consistency** (constraints hold afterwards), **Isolation** (concurrent transactions do not see each other's partial work) and **Durability** (once committed, it survives a crash)."},
	{"db-isolation", Databases, s(skPostgres), "Name a problem transaction isolation levels protect against.",
		"Dirty reads (seeing uncommitted data), non-repeatable reads (a row changes between two reads) and phantom reads (new rows appear in a repeated query). Higher levels such as SERIALIZABLE prevent more of them at a cost in concurrency."},
	{"db-group-by", Databases, s(skSQL), "What is the difference between WHERE and HAVING?",
		"WHERE filters rows **before** grouping; HAVING filters groups **after** GROUP BY, so it can use aggregates: `SELECT team, COUNT(*) FROM staff GROUP BY team HAVING COUNT(*) > 5`."},
	{"db-n-plus-one", Databases, s(skSQL, skPerf), "What is the N+1 query problem?",
		"Loading a list with one query, then running one more query per item (e.g. each post's author). It is slow because of many round trips. Fix it with a join, or by loading all related rows in one query (eager loading in an ORM)."},
	{"db-keys", Databases, s(skDBDesign), "Primary key versus foreign key?",
		"A **primary key** uniquely identifies each row of a table. A **foreign key** is a column that refers to another table's primary key; the database can then refuse rows that point nowhere and decide what happens on delete (cascade, set null)."},
	{"db-sql-nosql", Databases, s(skDBDesign), "When might you choose a document store over a relational database?",
		"When data is naturally shaped as self-contained documents with a varying structure and you rarely join across them, or you need easy horizontal scaling. Relational databases win when you need joins, strong constraints and transactions over many rows."},
	{"db-injection-safe", Databases, s(skSQL, skOWASP), "How do you write SQL that is safe from injection?",
		"Never build SQL by pasting user input into the string. Use **parameterised queries** (placeholders bound by the driver) or an ORM that does so; the input is then always data, never code."},
	// HTTP & APIs
	{"http-methods", HTTP, s(skHTTP), "What are the common HTTP methods and which are idempotent?",
		"GET reads, POST creates or triggers, PUT replaces, PATCH updates part, DELETE removes. GET, PUT and DELETE are **idempotent** (repeating them has the same effect as once); POST is not, which matters when a client retries."},
	{"http-status", HTTP, s(skHTTP), "What do the HTTP status code classes mean?",
		"1xx informational, **2xx success** (200 OK, 201 Created, 204 No Content), 3xx redirection, **4xx client error** (400 bad request, 401 not authenticated, 403 forbidden, 404 not found, 409 conflict) and **5xx server error** (500, 503)."},
	{"http-rest", HTTP, s(skHTTP), "What makes an API RESTful?",
		"Resources named by URLs (`/orders/42`), manipulated with standard HTTP methods, stateless requests (each carries what the server needs), meaningful status codes, and representations such as JSON. Caching and a uniform interface follow from that."},
	{"http-401-403", HTTP, s(skHTTP, skAuth), "401 or 403: which, when?",
		"**401 Unauthorized** means the request is not authenticated: log in or send a valid token. **403 Forbidden** means the server knows who you are but you may not do this."},
	{"http-versioning", HTTP, s(skHTTP), "How would you version a public API?",
		"Put a version in the path (`/v1/…`) or a header, keep old versions running for a stated time, and make only additive changes within a version (new optional fields) so existing clients keep working."},
	{"http-pagination", HTTP, s(skHTTP, skPerf), "How do you paginate a large list in an API?",
		"Offset/limit is simple but slow and unstable on large or changing tables. **Cursor (keyset) pagination** returns a token for the last item seen and asks for items after it; it stays fast and does not skip or repeat items when rows are added."},
	{"http-https", HTTP, s(skHTTP, skOWASP), "What does HTTPS add to HTTP?",
		"TLS encryption and server authentication: the browser checks the server's certificate, then both sides agree on keys so traffic cannot be read or altered in transit."},
	{"http-cookies", HTTP, s(skHTTP, skAuth), "What are cookies, and which flags make them safer?",
		"Small values the server asks the browser to send back with each request, often a session id. **HttpOnly** hides them from JavaScript, **Secure** sends them over HTTPS only, **SameSite** limits cross-site sending (helps against CSRF)."},
	{"http-cors", HTTP, s(skHTTP, skOWASP), "What is CORS?",
		"Browsers block a page from reading responses from another origin unless that server allows it with `Access-Control-Allow-Origin` headers (and answers preflight OPTIONS requests). It protects users; it is not a server-side access control."},
	{"http-websocket", HTTP, s(skHTTP), "When would you use WebSockets instead of plain HTTP requests?",
		"When server and client must push messages both ways with low delay over a long time: chat, live dashboards, games. For occasional updates, polling or server-sent events are simpler."},
	// Security
	{"sec-xss", Security, s(skOWASP), "What is cross-site scripting (XSS) and how do you prevent it?",
		"An attacker gets their script to run in another user's page, usually via unescaped input. Prevent it by **escaping output** for its context (templates that do it by default), validating input, and a Content Security Policy."},
	{"sec-csrf", Security, s(skOWASP), "What is CSRF?",
		"Cross-site request forgery: a malicious site makes the victim's browser send a request to your site with their cookies. Defend with anti-CSRF tokens, SameSite cookies, and requiring non-GET methods for changes."},
	{"sec-passwords", Security, s(skAuth), "How should passwords be stored?",
		"Never in plain text or with a fast hash. Use a slow, salted password hash made for it — **bcrypt, scrypt or Argon2** — so each guess is expensive and identical passwords hash differently."},
	{"sec-authn-authz", Security, s(skAuth), "Authentication versus authorisation?",
		"**Authentication** proves who you are (password, token, key). **Authorisation** decides what you may do once known (roles, permissions). Check authorisation on the server for every request, not only in the UI."},
	{"sec-jwt", Security, s(skAuth), "What is a JWT and what are its pitfalls?",
		"A signed token carrying claims (user id, expiry) the server can verify without a lookup. Pitfalls: it cannot easily be revoked before it expires, its payload is readable (only signed, not encrypted), and you must check the algorithm and expiry."},
	{"sec-owasp", Security, s(skOWASP), "Name three risks from the OWASP Top 10.",
		"For example: broken access control, injection (SQL, command), and security misconfiguration. Others include cryptographic failures, vulnerable components and identification failures."},
	{"sec-least-privilege", Security, s(skAuth, skDeploy), "What is the principle of least privilege?",
		"Give every user, service and process only the permissions it needs and nothing more (a read-only database user for reports), so a compromise or bug can do limited harm."},
	{"sec-secrets", Security, s(skDeploy, skAuth), "How should an application handle secrets such as API keys?",
		"Keep them out of the source code and the repository; load them from environment variables or a secrets manager, limit who can read them, rotate them, and never log them."},
	{"sec-input", Security, s(skOWASP), "Why validate input on the server if the form already checks it?",
		"Anyone can send requests without your form (curl, a modified page). Client-side checks are for the user's convenience; server-side validation is the one that protects the data."},
	// System design basics
	{"sd-cache", SystemDesign, s(skScale), "Where can you add caching in a web system, and what is the hard part?",
		"In the browser, a CDN, a reverse proxy, the application (in memory or Redis) and the database. The hard part is **invalidation**: deciding when cached data is stale (expiry times, deleting on write)."},
	{"sd-scale", SystemDesign, s(skScale), "Vertical versus horizontal scaling?",
		"**Vertical**: a bigger machine; simple but limited and a single point of failure. **Horizontal**: more machines behind a load balancer; needs stateless servers (sessions in a shared store) but grows further and survives a machine's loss."},
	{"sd-load-balancer", SystemDesign, s(skScale, skDeploy), "What does a load balancer do?",
		"Spreads incoming requests across several servers (round robin, least connections), checks their health and stops sending to failed ones, and often terminates TLS."},
	{"sd-queue", SystemDesign, s(skScale), "Why put a message queue between two services?",
		"To decouple them: the producer does not wait for slow work (sending emails, resizing images), bursts are absorbed, and failed jobs can be retried. The cost is eventual rather than immediate processing and more moving parts."},
	{"sd-url-shortener", SystemDesign, s(skScale, skDBDesign), "Sketch a URL shortener.",
		"An API that stores a long URL and returns a short code (a counter encoded in base 62, or a random code checked for collision); a redirect endpoint that looks the code up (cached, since reads dominate) and answers 301/302. Add expiry and rate limiting."},
	{"sd-replication", SystemDesign, s(skPostgres, skScale), "What is database replication for?",
		"Copies of the database on other servers: read replicas take read load, and a replica can take over if the primary fails. Replicas may lag behind, so a read right after a write may not see it."},
	{"sd-cap", SystemDesign, s(skScale), "What does the CAP theorem say?",
		"When a network partition happens, a distributed store must choose between **consistency** (every read sees the latest write, or errors) and **availability** (every request gets an answer, maybe stale)."},
	{"sd-monitoring", SystemDesign, s(skPerf, skDeploy), "What would you monitor on a web service?",
		"Request rate, error rate and latency (percentiles, not only the mean), plus saturation: CPU, memory, disk, connection pools. Logs for the details and alerts on what a user would feel."},
	{"sd-stateless", SystemDesign, s(skScale), "Why are stateless servers easier to scale?",
		"Any server can handle any request, so you can add, remove or restart servers freely. Keep sessions and files in shared stores (a database, Redis, object storage) instead of a server's memory or disk."},
	// Testing
	{"test-pyramid", Testing, s(skUnit, skQA), "What is the testing pyramid?",
		"Many fast **unit tests** at the bottom, fewer **integration tests** in the middle, and a few slow **end-to-end tests** at the top. It keeps feedback fast while still checking that the pieces work together."},
	{"test-unit", Testing, s(skUnit), "What makes a good unit test?",
		"It checks one behaviour, is fast, needs no network or shared state, always gives the same result, and its name says what is expected. It should fail when that behaviour breaks and not when unrelated code changes."},
	{"test-mocks", Testing, s(skUnit), "When should you use mocks or fakes?",
		"To replace what is slow, unreliable or outside your control (payment gateways, the clock, email). Overusing them tests your mocks rather than your code; prefer real collaborators when they are fast."},
	{"test-tdd", Testing, s(skUnit), "What is test-driven development?",
		"Write a failing test for the next small behaviour, write just enough code to pass it, then refactor with the test as a safety net. It keeps code testable and the design driven by use."},
	{"test-coverage", Testing, s(skUnit, skQA), "Is 100 % code coverage a good goal?",
		"Coverage shows what code tests never run, which is useful. But running a line is not checking it: high coverage with weak assertions proves little. Aim to cover important behaviour and edge cases."},
	{"test-flaky", Testing, s(skUnit, skDebug), "How do you deal with a flaky test?",
		"Find the cause rather than re-running: timing assumptions, shared state between tests, test order, real clocks or network. Fix it (wait on conditions, isolate data, inject the clock) or quarantine it with a ticket."},
	{"test-bug-repro", Testing, s(skDebug, skUnit), "You find a bug. What do you do first?",
		"Reproduce it reliably, ideally as a failing automated test; then find the cause (debugger, logs, bisecting), fix it, and keep the test so it cannot come back."},
	{"test-debugger", Testing, s(skDebug), "How do you use a debugger effectively?",
		"Set breakpoints where you suspect the problem, step through, inspect variables and the call stack, and use conditional breakpoints for the one bad iteration. It beats scattering print statements on complex state."},
	{"test-edge-cases", Testing, s(skQA, skUnit), "Which edge cases do you check for a function taking a list?",
		"Empty list, one element, two elements, duplicates, very large input, already sorted and reverse sorted, negative or zero values, and invalid input such as nil."},
	// Version control
	{"vcs-merge-rebase", VersionControl, s(skGit, skPR), "Merge versus rebase?",
		"**Merge** joins two branches with a merge commit and keeps history as it happened. **Rebase** replays your commits on top of another branch, giving a straight history but rewriting commits: never rebase commits others already use."},
	{"vcs-conflict", VersionControl, s(skGit), "How do you resolve a merge conflict?",
		"Open the conflicted files, understand both changes, edit to the correct combined result, remove the markers, run the tests, then `git add` and continue the merge or rebase. Ask the other author if unsure."},
	{"vcs-commit", VersionControl, s(skGit), "What makes a good commit?",
		"One logical change that builds and passes tests, with a message saying what changed and why. Small commits are easier to review, revert and bisect."},
	{"vcs-undo", VersionControl, s(skGit), "How do you undo a commit already pushed?",
		"Use `git revert`, which adds a new commit undoing it, so others' history stays valid. `git reset` rewrites history and is only for commits nobody else has."},
	{"vcs-pr", VersionControl, s(skPR, skTeam), "What makes a pull request easy to review?",
		"Small and focused, a description of why and how to test it, passing checks, and self-review before asking. Reply to comments and keep discussions about the code, not the person."},
	{"vcs-branching", VersionControl, s(skPR), "Describe a branching workflow you have used.",
		"For example: short-lived feature branches off main, a pull request with review and CI, merged when green, and main always deployable. Long-lived branches drift and cause painful merges."},
	{"vcs-bisect", VersionControl, s(skGit, skDebug), "What is git bisect for?",
		"Finding the commit that introduced a bug by binary search: mark a good and a bad commit, test the one git checks out, mark it, repeat. It finds the culprit in about log₂(n) steps and can run a test script automatically."},
	{"vcs-stash", VersionControl, s(skGit), "What does git stash do?",
		"Puts your uncommitted changes aside and cleans the working tree, so you can switch branches; `git stash pop` brings them back."},
	{"vcs-gitignore", VersionControl, s(skGit), "What belongs in .gitignore?",
		"Files that are generated or personal: build output, dependencies that are downloaded, editor settings, logs, and any file with secrets. The repository should hold what is needed to build, nothing more."},
	// Behavioural
	{"beh-bug", Behavioural, s(skProblem, skDebug), "Tell me about a bug you fixed.",
		"Use **STAR**: the Situation (what broke, who it affected), the Task (your part), the Actions (how you reproduced it, found the cause, fixed and tested it) and the Result (what changed, what you learnt — e.g. a test added so it never returned)."},
	{"beh-conflict", Behavioural, s(skTeam), "Tell me about a conflict in a team.",
		"Pick a real, modest disagreement (an approach, a deadline). Show that you listened to understand the other view, focused on the goal and evidence rather than the person, agreed a way forward, and kept the relationship good."},
	{"beh-why-dev", Behavioural, s(skExplain), "Why do you want to work as a developer?",
		"Give a true, specific reason: a problem you enjoyed solving, something you built and how it felt to see it used. Link it to what this company does."},
	{"beh-learned", Behavioural, s(skProblem), "Tell me about something you learnt quickly.",
		"Name the thing and why you needed it, how you learnt (docs, small experiments, asking someone), and what you delivered with it in how long. It shows you can pick up their stack."},
	{"beh-mistake", Behavioural, s(skTeam), "Tell me about a mistake you made.",
		"Choose a real one with modest impact, own it without blaming others, say how you fixed it and what you changed afterwards so it did not happen again."},
	{"beh-explain", Behavioural, s(skExplain), "How would you explain a technical problem to a non-technical manager?",
		"Start from the effect on users or the business, use a plain comparison instead of jargon, give the options with their costs and risks, and recommend one. Check they understood by inviting questions."},
	{"beh-project", Behavioural, s(skProblem, skTeam), "Walk me through a project you are proud of.",
		"The problem it solved, your role, the main technical decisions and why, one difficulty and how you overcame it, and the result. Have the code or a demo ready to show."},
	{"beh-feedback", Behavioural, s(skTeam), "How do you handle critical feedback on your code?",
		"Treat it as being about the code, not you: ask questions to understand, fix what is right, explain your reasoning where you disagree, and thank the reviewer. Mention something you changed after a review."},
	{"beh-questions", Behavioural, s(skExplain), "What questions do you ask the interviewer?",
		"Ask about the team's work and practices: how code is reviewed and deployed, what a new junior's first months look like, how they learn, and what the biggest current challenge is. It shows interest and helps you decide."},
	{"beh-weakness", Behavioural, s(skProblem), "What is a weakness you are working on?",
		"A real but not disqualifying one, with what you do about it — e.g. \"I used to dive into code before planning; I now write a short plan and test cases first.\""},
}

// Bank is the default question bank as new cards.
func Bank() []Card {
	out := make([]Card, len(bank))
	for i, e := range bank {
		out[i] = Card{BankKey: e.key, Topic: e.topic, Skills: append([]string(nil), e.skills...), Front: e.front, Back: e.back}
	}
	return out
}
