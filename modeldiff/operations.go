package modeldiff

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// operations compares operations: by ID (the page path and verb), then — for a page that was renamed — by verb and
// a path both versions document.
func (d *differ) operations() {
	newByID := map[string]*model.Operation{}
	for _, op := range d.new.Operations {
		if _, dup := newByID[strings.ToLower(op.ID)]; !dup {
			newByID[strings.ToLower(op.ID)] = op
		}
	}
	matched := map[*model.Operation]bool{}
	var unmatchedOld []*model.Operation
	for _, oo := range d.old.Operations {
		no := newByID[strings.ToLower(oo.ID)]
		if no == nil || matched[no] {
			unmatchedOld = append(unmatchedOld, oo)
			continue
		}
		matched[no] = true
		d.operationChanges(oo, no)
	}
	for _, oo := range unmatchedOld {
		no := d.samePathOperation(oo, matched)
		if no == nil {
			d.add(Change{Kind: Removed, Element: ElemOperation, Code: "operation-removed", Subject: oo.ID, Breaking: true,
				Message: fmt.Sprintf("removed (%s %s)", oo.Method, firstTemplate(oo)), Reason: "its client method disappears",
				Pos: pick(oo.Pos, model.Pos{File: oo.Page}), Side: SideOld})
			continue
		}
		matched[no] = true
		d.add(Change{Kind: Changed, Element: ElemOperation, Code: "operation-moved", Subject: no.ID,
			Message: "now documented on " + no.Page + " (was " + oo.Page + ")", Reason: "same verb and path: the client method stays",
			Old: oo.ID, New: no.ID, Pos: pick(no.Pos, model.Pos{File: no.Page})})
		d.operationChanges(oo, no)
	}
	for _, no := range d.new.Operations {
		if !matched[no] && newByID[strings.ToLower(no.ID)] == no {
			d.add(Change{Kind: Added, Element: ElemOperation, Code: "operation-added", Subject: no.ID,
				Message: fmt.Sprintf("added (%s %s)", no.Method, firstTemplate(no)), Reason: whyAdded, Pos: pick(no.Pos, model.Pos{File: no.Page})})
		}
	}
}

// samePathOperation finds a new operation not yet matched with the same verb as oo and a path in common.
func (d *differ) samePathOperation(oo *model.Operation, matched map[*model.Operation]bool) *model.Operation {
	keys := map[string]bool{}
	for _, p := range oo.Paths {
		keys[pathKey(p.Template)] = true
	}
	for _, no := range d.new.Operations {
		if matched[no] || !strings.EqualFold(no.Method, oo.Method) {
			continue
		}
		for _, p := range no.Paths {
			if keys[pathKey(p.Template)] {
				return no
			}
		}
	}
	return nil
}

func firstTemplate(op *model.Operation) string {
	if len(op.Paths) == 0 {
		return "(no path)"
	}
	return op.Paths[0].Template
}

var placeholder = regexp.MustCompile(`\{[^}]*\}`)

// pathKey is the form two paths are compared in: the names of placeholders do not matter to a client (they are
// positional parameters of its method) and Microsoft Graph paths are case-insensitive.
func pathKey(template string) string {
	return strings.ToLower(strings.TrimRight(placeholder.ReplaceAllString(template, "{}"), "/"))
}

func (d *differ) operationChanges(oo, no *model.Operation) {
	opPos := pick(no.Pos, model.Pos{File: no.Page})
	change := func(code, msg, reason string, breaking bool, oldV, newV string, pos model.Pos) {
		d.add(Change{Kind: Changed, Element: ElemOperation, Code: code, Subject: no.ID, Breaking: breaking, Message: msg,
			Reason: reason, Old: oldV, New: newV, Pos: pick(pos, opPos)})
	}
	if !strings.EqualFold(oo.Method, no.Method) {
		change("operation-method", "verb changed from "+oo.Method+" to "+no.Method, "the client sends the old verb", true, oo.Method, no.Method, no.Pos)
	}
	d.pathChanges(oo, no, change)
	d.responseChanges(oo, no, change)
	d.requestBodyChanges(oo, no, change)
}

type opChangeFunc func(code, msg, reason string, breaking bool, oldV, newV string, pos model.Pos)

func (d *differ) pathChanges(oo, no *model.Operation, change opChangeFunc) {
	newPaths := map[string]*model.Path{}
	for _, p := range no.Paths {
		if _, dup := newPaths[pathKey(p.Template)]; !dup {
			newPaths[pathKey(p.Template)] = p
		}
	}
	oldKeys := map[string]bool{}
	for _, op := range oo.Paths {
		key := pathKey(op.Template)
		if oldKeys[key] {
			continue
		}
		oldKeys[key] = true
		np := newPaths[key]
		if np == nil {
			d.add(Change{Kind: Removed, Element: ElemOperation, Code: "path-removed", Subject: oo.ID, Breaking: true,
				Message: "path " + op.Template + " removed", Reason: "the client method for that path disappears", Old: op.Template,
				Pos: pick(op.Pos, oo.Pos), Side: SideOld})
			continue
		}
		// Parameters are positional in the client's method: compare them in order, by type.
		for i := 0; i < len(op.Params) && i < len(np.Params); i++ {
			ot, nt := op.Params[i].Type, np.Params[i].Type
			if ot.Resolved() && nt.Resolved() && (!sameTypeName(ot.Name, nt.Name, true, true) || ot.Collection != nt.Collection) {
				change("path-parameter-type", fmt.Sprintf("path %s: parameter {%s} type changed from %s to %s", np.Template, np.Params[i].Name, ot.String(), nt.String()),
					whyTypeChange, true, ot.String(), nt.String(), np.Pos)
			}
		}
	}
	for _, np := range no.Paths {
		key := pathKey(np.Template)
		if oldKeys[key] {
			continue
		}
		oldKeys[key] = true // report a path listed twice once
		d.add(Change{Kind: Added, Element: ElemOperation, Code: "path-added", Subject: no.ID,
			Message: "path " + np.Template + " added", Reason: whyAdded, New: np.Template, Pos: pick(np.Pos, no.Pos)})
	}
}

func (d *differ) responseChanges(oo, no *model.Operation, change opChangeFunc) {
	or, nr := oo.Response, no.Response
	pos := pick(nr.Pos, no.Pos)
	// A status only one version states is documentation catching up, not a change.
	if or.Status != 0 && nr.Status != 0 && or.Status != nr.Status {
		change("response-status", fmt.Sprintf("success status changed from %d to %d", or.Status, nr.Status),
			"clients that check the status see another one", true, fmt.Sprint(or.Status), fmt.Sprint(nr.Status), pos)
	}
	switch {
	case or.Type == nil && nr.Type == nil:
	case or.Type == nil || nr.Type == nil:
		msg := "now returns " + typeRefString(nr.Type)
		if nr.Type == nil {
			msg = "no longer returns a body (was " + typeRefString(or.Type) + ")"
		}
		change("response-type", msg, "the client method's results change", true, typeRefString(or.Type), typeRefString(nr.Type), pos)
	case !sameTypeName(or.Type.Name, nr.Type.Name, or.Type.Resolved(), nr.Type.Resolved()) || or.Type.Collection != nr.Type.Collection:
		change("response-type", "response type changed from "+or.Type.String()+" to "+nr.Type.String(),
			"the client method's results change", true, or.Type.String(), nr.Type.String(), pick(nr.Type.Pos, pos))
	}
}

func bodyKind(b *model.RequestBody) model.BodyKind {
	if b == nil {
		return model.BodyNone
	}
	return b.Kind
}

func (d *differ) requestBodyChanges(oo, no *model.Operation, change opChangeFunc) {
	ok, nk := bodyKind(oo.RequestBody), bodyKind(no.RequestBody)
	// What the parser could not classify says nothing either way.
	if ok == model.BodyUnknown || nk == model.BodyUnknown {
		return
	}
	pos := no.Pos
	if no.RequestBody != nil {
		pos = pick(no.RequestBody.Pos, no.Pos)
	}
	if ok != nk {
		// A type body and a parameters table are both JSON objects; their fields are compared below.
		jsonBodies := (ok == model.BodyType || ok == model.BodyParameters) && (nk == model.BodyType || nk == model.BodyParameters)
		if !jsonBodies {
			change("request-body-kind", "request body changed from "+string(ok)+" to "+string(nk), "the client method's arguments change", true, string(ok), string(nk), pos)
			return
		}
	}
	if ok == model.BodyNone || nk == model.BodyNone {
		return
	}
	ot, nt := oo.RequestBody.Type, no.RequestBody.Type
	if ot != nil && nt != nil && (!sameTypeName(ot.Name, nt.Name, ot.Resolved(), nt.Resolved()) || ot.Collection != nt.Collection) {
		change("request-body-type", "request body type changed from "+ot.String()+" to "+nt.String(), whyTypeChange, true, ot.String(), nt.String(), pick(nt.Pos, pos))
	}
	d.requestParams(oo, no, pos)
}

// requestParams compares the rows of the request-body tables: the properties a client supplies, or an action's
// parameters.
func (d *differ) requestParams(oo, no *model.Operation, bodyPos model.Pos) {
	newParams := map[string]*model.Property{}
	for _, p := range no.RequestBody.Params {
		newParams[strings.ToLower(p.Name)] = p
	}
	seen := map[string]bool{}
	for _, op := range oo.RequestBody.Params {
		key := strings.ToLower(op.Name)
		if seen[key] {
			continue
		}
		seen[key] = true
		np := newParams[key]
		if np == nil {
			d.add(Change{Kind: Removed, Element: ElemParameter, Code: "request-parameter-removed", Subject: no.ID + "/" + op.Name, Breaking: true,
				Message: "removed", Reason: "the request struct loses the field: code that sets it no longer compiles",
				Pos: pick(op.Pos, oo.Pos), Side: SideOld})
			continue
		}
		subject := no.ID + "/" + np.Name
		add := func(code, msg, reason string, breaking bool, oldV, newV string) {
			d.add(Change{Kind: Changed, Element: ElemParameter, Code: strings.Replace(code, "property-", "request-parameter-", 1), Subject: subject,
				Breaking: breaking, Message: msg, Reason: reason, Old: oldV, New: newV, Pos: pick(np.Pos, bodyPos)})
		}
		typeRefChanges(add, &op.Type, &np.Type)
		if op.Required != np.Required {
			if np.Required {
				add("request-parameter-required", "now required", whyRequiredAdded, true, "false", "true")
			} else {
				add("request-parameter-required", "no longer required", whyRelaxed, false, "true", "false")
			}
		}
	}
	for _, np := range no.RequestBody.Params {
		key := strings.ToLower(np.Name)
		if seen[key] {
			continue
		}
		seen[key] = true
		c := Change{Kind: Added, Element: ElemParameter, Code: "request-parameter-added", Subject: no.ID + "/" + np.Name,
			Message: "added (optional)", Reason: "the request struct gains a field clients may leave empty", Pos: pick(np.Pos, bodyPos)}
		if np.Required {
			c.Breaking, c.Message, c.Reason = true, "added (required)", whyRequiredAdded
		}
		d.add(c)
	}
}
