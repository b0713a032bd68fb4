package generator

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/templates"
)

// Operation names follow one convention, read from the HTTP verb, the canonical path and the answer's shape:
//
//	GET    a collection            List<Parent><Segment>      ListUsers, ListUserMemberOf
//	GET    anything else           Get<Parent><Segment>       GetUser (/users/{id}), GetUserManager
//	GET    …/$count                Count<Parent><Segment>     CountUsers
//	POST   a collection            Create<Parent><Singular>   CreateUser, CreateUserMessage
//	PATCH / DELETE / PUT           Update / Delete / Upsert   UpdateUser, DeleteUserMessage
//	…/$ref  POST / DELETE / PUT    Add / Remove / Set …Ref    AddGroupMemberRef, SetUserManagerRef
//	an action or function          <Binding><Action>          UserAssignLicense, UserDelta, ReportGetEmailActivityUserDetail
//
// The segment is the last named segment of the path, singular when a key follows it (/users/{id} → User); Parent
// is the named segment before it, singular. An action or function is a segment written x(…) or namespace.x, or a
// last segment of a POST or GET that nothing shows to navigate (/users/{id}/assignLicense; see pathShape); a type
// cast (…/microsoft.graph.group) adds As<Type>, $value adds Value. List is used only when the Go method answers with
// a Collection.
//
// Collisions are resolved for every operation that wants a name, never first come first served: each takes one
// more segment to the left (ListMessageAttachments → ListUserMessageAttachments and ListMailFolderMessageAttachments)
// until the names differ, then the query string's keys (ListUsersWithFilter). Of operations still alike — pages
// documenting the same request — the one the route is served by keeps the name, each other takes As and the type
// its page is about (GetDeviceAppManagementMobileAppAsIosLobApp) when that tells it apart, else its page's name as
// before (IntuneRbacDeviceManagementGet); a Names override wins over all of this, and a derived name never takes an
// override's.

// opSegment is a named segment of a path.
type opSegment struct {
	word  string // as the docs spell it
	keyed bool   // a key follows it: /users/{id}
	kind  opSegmentKind
}

type opSegmentKind uint8

const (
	segNavigation opSegmentKind = iota
	segAction                   // an action or function
	segCast                     // a type cast
)

// opShape is what a path says about the operation on it.
type opShape struct {
	segs              []opSegment
	ref, count, value bool     // ends with $ref, $count, $value
	query             []string // the keys of the query string
}

// pathShape reads a path's named segments. method is the operation's, upper case; nav holds the words known to
// navigate (navigationWords); answer is the short name of the type the operation answers with.
func (p *plan) pathShape(method string, path *model.Path, nav map[string]bool, answer string) opShape {
	var sh opShape
	keyPrevious := func() {
		if n := len(sh.segs); n > 0 {
			sh.segs[n-1].keyed = true
		}
	}
	for _, seg := range strings.Split(normalizeTemplate(path.Template), "/") {
		seg = strings.Trim(seg, ":") // drive paths: root:/{path}:/content
		switch {
		case seg == "":
			continue
		case strings.HasPrefix(seg, "{") || strings.HasPrefix(seg, "<"):
			keyPrevious()
			continue
		case strings.EqualFold(seg, "$ref"):
			sh.ref = true
			continue
		case strings.EqualFold(seg, "$count"):
			sh.count = true
			continue
		case strings.EqualFold(seg, "$value"):
			sh.value = true
			continue
		}
		name, args, call := strings.Cut(seg, "(")
		kind := segNavigation
		if call {
			if args = strings.TrimSuffix(args, ")"); strings.Contains(args, "=") || args == "" {
				kind = segAction // getX(period='{period}'), delta()
			} else if name != "" {
				sh.segs = append(sh.segs, opSegment{word: name, keyed: true}) // users('{id}')
				continue
			}
		}
		if strings.Contains(name, "=") { // roleTemplateId={id}: a key of the segment before
			keyPrevious()
			continue
		}
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			if t := p.m.LookupType(name); t != nil && kind == segNavigation && t.Kind != model.KindEnum {
				kind, name = segCast, t.Name
			} else {
				kind, name = segAction, name[i+1:]
			}
		}
		name = strings.TrimPrefix(name, "$")
		if name == "" {
			continue
		}
		if !isWordy(name) { // a key written out: /education/classes/acdefc6b-2dc6-…/assignmentDefaults
			keyPrevious()
			continue
		}
		sh.segs = append(sh.segs, opSegment{word: p.vocab.spell(name), kind: kind})
	}
	// The last segment of a POST or GET is an action or function (/users/{id}/assignLicense, /users/delta) when
	// nothing says it navigates: no type has it as a property, no path goes on after it, it names no type and not
	// what the operation answers with.
	if n := len(sh.segs); n > 1 && (method == "POST" || method == "GET") {
		last := &sh.segs[n-1]
		lower := strings.ToLower(last.word)
		named := func(name string) bool {
			return len(p.m.TypesNamed(name)) > 0 || answer != "" && strings.EqualFold(name, answer)
		}
		if last.kind == segNavigation && !last.keyed && !nav[lower] && !named(lower) && !named(singular(lower)) {
			last.kind = segAction
		}
	}
	if path.Query != "" {
		for _, pair := range strings.Split(path.Query, "&") {
			key, _, _ := strings.Cut(pair, "=")
			if key = strings.TrimPrefix(unescapeQuery(key), "$"); key != "" && isWordy(key) {
				sh.query = append(sh.query, key)
			}
		}
	}
	return sh
}

// opShapeOf is the shape of an operation's canonical path.
func (p *plan) opShapeOf(op *model.Operation, nav map[string]bool) opShape {
	answer := ""
	if ref := op.Response.Type; ref != nil {
		answer = ref.Name[strings.LastIndexByte(ref.Name, '.')+1:]
	}
	return p.pathShape(strings.ToUpper(op.Method), canonicalPath(op), nav, answer)
}

// isAction reports whether the operation calls an action or function (its name is not Verb+Noun).
func (sh opShape) isAction() bool {
	return len(sh.segs) > 0 && sh.segs[len(sh.segs)-1].kind == segAction
}

// navigationWords are the lower-case words known to navigate rather than call: the names of the model's
// properties and navigation properties, and the segments a documented path goes on after.
func navigationWords(m *model.Model) map[string]bool {
	nav := map[string]bool{}
	for _, t := range m.Types {
		for _, list := range [][]*model.Property{t.Properties, t.NavigationProperties} {
			for _, prop := range list {
				nav[strings.ToLower(prop.Name)] = true
			}
		}
	}
	for _, op := range m.Operations {
		for _, path := range op.Paths {
			segs := strings.Split(strings.Trim(normalizeTemplate(path.Template), "/"), "/")
			for _, seg := range segs[:max(0, len(segs)-1)] {
				if !strings.ContainsAny(seg, "({:=") {
					nav[strings.ToLower(strings.TrimPrefix(seg, "$"))] = true
				}
			}
		}
	}
	return nav
}

// conventionalName is the operation's name with depth segments before the last one (at least the parent) and,
// once depth passes the path's segments, its query keys. ok is false when the path names nothing; exhausted is true
// when a deeper name would be the same.
func conventionalName(method string, sh opShape, collection bool, depth int) (name string, ok, exhausted bool) {
	segs := sh.segs
	var suffix string
	if n := len(segs); n > 0 && segs[n-1].kind == segCast {
		suffix = "As" + exportedName(segs[n-1].word)
		segs = segs[:n-1]
	}
	if len(segs) == 0 {
		return "", false, true
	}
	last := segs[len(segs)-1]
	before := segs[:len(segs)-1]
	// The parent is singular (a user's memberOf, the users' delta), as is every segment a key follows.
	words := func(from int) string {
		var b strings.Builder
		for i, s := range before[from:] {
			w := s.word
			if s.keyed || from+i == len(before)-1 {
				w = singular(w)
			}
			b.WriteString(exportedName(w))
		}
		return b.String()
	}
	levels := max(1, len(before))
	from := max(0, len(before)-depth)
	withQuery := len(sh.query) > 0
	exhausted = depth >= levels+pickInt(withQuery, 1, 0)
	var b strings.Builder
	if last.kind == segAction {
		b.WriteString(words(from))
		b.WriteString(exportedName(last.word))
	} else {
		verb, plural := "", false
		switch strings.ToUpper(method) {
		case "GET":
			switch {
			case sh.count:
				verb, plural = "Count", true
			case collection:
				verb, plural = "List", true
			default:
				verb = "Get"
			}
		case "POST":
			verb = pick(sh.ref, "Add", "Create")
		case "PATCH":
			verb = "Update"
		case "PUT":
			verb = pick(sh.ref, "Set", "Upsert")
		case "DELETE":
			verb = pick(sh.ref, "Remove", "Delete")
		default:
			verb = exportedName(strings.ToLower(method))
		}
		noun := last.word
		if !plural && (last.keyed || verb == "Create" || verb == "Add") {
			noun = singular(noun)
		}
		b.WriteString(verb)
		b.WriteString(words(from))
		b.WriteString(exportedName(noun))
	}
	b.WriteString(suffix)
	if sh.ref {
		b.WriteString("Ref")
	}
	if sh.value {
		b.WriteString("Value")
	}
	if withQuery && depth > levels {
		b.WriteString("With")
		for _, k := range sh.query {
			b.WriteString(exportedName(k))
		}
	}
	return b.String(), true, exhausted
}

func pickInt(cond bool, yes, no int) int {
	if cond {
		return yes
	}
	return no
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

// answersCollection reports whether the operation's Go method answers with a Collection, as planResult decides it;
// a reference the docs leave unresolved counts by what it says.
func (p *plan) answersCollection(op *model.Operation, canonical *model.Path) bool {
	scratch := &templates.Operation{Method: strings.ToUpper(op.Method)}
	p.planResult(scratch, op, canonical, "")
	if t := scratch.Result.Type; scratch.Result.Kind == templates.ResultJSON && t != nil && t.Kind == templates.TypePointer &&
		t.Elem.Kind == templates.TypeGeneric && t.Elem.Name == "Collection" {
		return true
	}
	ref := op.Response.Type
	return scratch.Result.Type == rawJSON && ref != nil && ref.Collection && !ref.Resolved()
}

// opName is an operation's name and how it was made.
type opName struct {
	name string
	by   nameSource
}

type nameSource uint8

const (
	byConvention nameSource = iota
	byPage                  // the convention could not tell it apart (or the path names nothing)
	byOverride
)

// nameOperations names every operation that gets a method (see the convention above).
func (p *plan) nameOperations(ops []*model.Operation) map[*model.Operation]opName {
	names := map[*model.Operation]opName{}
	type want struct {
		op         *model.Operation
		shape      opShape
		collection bool
		depth      int
		name       string
		exhausted  bool
	}
	var wants []*want
	fixed := map[string]bool{}
	nav := navigationWords(p.m)
	for _, op := range ops {
		if name, ok := p.override(op.ID); ok {
			names[op] = opName{name, byOverride}
			fixed[name] = true
			continue
		}
		canonical := canonicalPath(op)
		w := &want{op: op, shape: p.opShapeOf(op, nav), depth: 1}
		w.collection = strings.EqualFold(op.Method, "GET") && p.answersCollection(op, canonical)
		var ok bool
		if w.name, ok, w.exhausted = conventionalName(op.Method, w.shape, w.collection, w.depth); !ok {
			names[op] = opName{p.pageName(op), byPage}
			continue
		}
		wants = append(wants, w)
	}
	for {
		byName := map[string][]*want{}
		for _, w := range wants {
			byName[w.name] = append(byName[w.name], w)
		}
		changed := false
		for name, ws := range byName {
			if len(ws) < 2 && !fixed[name] && !p.reserved.Members["Client"][name] {
				continue
			}
			for _, w := range ws {
				if !w.exhausted {
					w.depth++
					w.name, _, w.exhausted = conventionalName(w.op.Method, w.shape, w.collection, w.depth)
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	// Alike to the end: the operation its route is served by keeps the name (of the pages documenting
	// GET /deviceAppManagement/mobileApps/{id}, the one the route chose); each other takes As and the type its page is
	// about (GetDeviceAppManagementMobileAppAsIosLobApp, from intune-apps-ioslobapp-get) when that is free, else its
	// page's name.
	count, keeper := map[string]int{}, map[string][]*want{}
	for _, w := range wants {
		count[w.name]++
		if r := p.m.RouteOf(w.op, canonicalPath(w.op)); r != nil && r.Canonical == w.op {
			keeper[w.name] = append(keeper[w.name], w)
		}
	}
	taken := func(name string) bool { return fixed[name] || p.reserved.Members["Client"][name] }
	var rest []*want
	for _, w := range wants {
		keeps := len(keeper[w.name]) == 1 && keeper[w.name][0] == w
		if count[w.name] > 1 && !keeps || taken(w.name) {
			rest = append(rest, w)
			continue
		}
		names[w.op] = opName{w.name, byConvention}
	}
	as := map[*want]string{}
	asCount := map[string]int{}
	for _, w := range rest {
		// A type that is the segment's own (attachment-list's attachment at …/attachments) tells nothing apart.
		if t := p.pageType(w.op); t != "" && !w.shape.isAction() && !strings.EqualFold(t, singular(w.shape.segs[len(w.shape.segs)-1].word)) {
			as[w] = w.name + "As" + exportedName(t)
			asCount[as[w]]++
		}
	}
	used := map[string]bool{}
	for _, n := range names {
		used[n.name] = true
	}
	for _, w := range rest {
		if n := as[w]; n != "" && asCount[n] == 1 && !used[n] && !taken(n) {
			names[w.op] = opName{n, byConvention}
			continue
		}
		names[w.op] = opName{p.pageName(w.op), byPage}
	}
	return names
}

// singular is model.Singular with the plurals it gets wrong in path segments (series, statuses, aliases).
func singular(w string) string {
	lower := strings.ToLower(w)
	switch {
	case strings.HasSuffix(lower, "series"), strings.HasSuffix(lower, "species"):
		return w
	case strings.HasSuffix(lower, "statuses"), strings.HasSuffix(lower, "aliases"):
		return w[:len(w)-2]
	}
	return model.Singular(w)
}

// pageType is the name of the type an operation's page is about: the first part of the page name that names a
// type of the default namespace ("intune-apps-ioslobapp-get" → iosLobApp), "" when none does.
func (p *plan) pageType(op *model.Operation) string {
	base := pageBase(op.Page)
	if !wordyPage(base) {
		return ""
	}
	for _, part := range strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' }) {
		for _, t := range p.m.TypesNamed(part) {
			if t.Namespace == p.defaultNS {
				return t.Name
			}
		}
	}
	return ""
}
