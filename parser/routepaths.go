package parser

import "strings"

// annotatedExamplesInHTTPRequest returns the code blocks of HTTP request sections that are examples rather than
// the page's request syntax: blocks annotated "blockType": "request" on a page whose HTTP request section also has
// a block that is not so annotated (driveitem-list-thumbnails documents its paths in one block, then shows a
// request for one thumbnail and for its content under "### HTTP request" headings of later sections). Where every
// block is annotated, the annotated blocks are the page's only statement of its paths, and stay its syntax.
func (p *pageReader) annotatedExamplesInHTTPRequest() map[*block]bool {
	var annotated []*block
	plain := false
	for _, b := range p.blocks {
		if b.kind != blockCode {
			continue
		}
		if k, _ := b.innermost(); k != sectionHTTPRequest || b.under(sectionExamples) {
			continue
		}
		if a := p.annotationFor(b); a != nil && strings.EqualFold(a.BlockType, "request") {
			annotated = append(annotated, b)
		} else {
			plain = true
		}
	}
	if !plain || len(annotated) == 0 {
		return nil
	}
	out := make(map[*block]bool, len(annotated))
	for _, b := range annotated {
		out[b] = true
	}
	return out
}

// prosePath says what in a request path is prose rather than path ("an ellipsis", "words"), or "" for a path.
// "/me/mailFolders/{id}/childFolders/{id}/.../messages/{id}" stands for paths of any depth, which no route can
// serve; "/users/{user-id} | user-principal-name/chats" is two paths written as one.
func prosePath(target string) string {
	if strings.Contains(target, "...") || strings.Contains(target, "…") {
		return "an ellipsis"
	}
	depth := 0
	for _, c := range target {
		switch c {
		case '{', '(':
			depth++
		case '}', ')':
			if depth > 0 {
				depth--
			}
		case '?', '#':
			if depth == 0 {
				return "" // the query string may hold anything
			}
		case ' ', '\t':
			if depth == 0 {
				return "words"
			}
		case '*':
			if depth == 0 {
				return "markup (*)"
			}
		case '|':
			if depth == 0 {
				return "alternatives (|)"
			}
		}
	}
	return ""
}
