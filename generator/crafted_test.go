package generator

import "github.com/graphdocgen/graphdocgen/model"

// craftedModel is a small model made in code, not read from pages, so that each naming and type-mapping rule has
// a case of its own no docs page happens to have: initialisms, keywords, leading digits, names that collide once
// converted, names the support code already uses, every Edm primitive, a flags enum, a polymorphic base type, a
// second namespace, and operations with stream bodies and answers.
func craftedModel() *model.Model {
	prim := func(name string) model.TypeRef { return model.TypeRef{Name: "Edm." + name, Kind: model.KindPrimitive} }
	ref := func(full string, kind model.TypeKind) model.TypeRef {
		return model.TypeRef{Name: full, Kind: string(kind)}
	}
	many := func(r model.TypeRef) model.TypeRef { r.Collection = true; return r }
	prop := func(name string, t model.TypeRef) *model.Property { return &model.Property{Name: name, Type: t} }
	notNull := false
	const ns = "microsoft.graph"

	entity := &model.Type{Kind: model.KindEntity, Namespace: ns, Name: "entity", Key: []string{"id"},
		Properties: []*model.Property{{Name: "id", Type: prim("String"), Nullable: &notNull}}}
	widget := &model.Type{Kind: model.KindEntity, Namespace: ns, Name: "widget", BaseType: ns + ".entity", Open: true,
		Description: "A [widget](widget.md) with **every** primitive.",
		Properties: []*model.Property{
			prop("tenantId", prim("Guid")),
			prop("webUrl", prim("String")),
			prop("httpStatus", prim("Int32")),
			prop("createdDateTime", prim("DateTimeOffset")),
			prop("birthday", prim("Date")),
			prop("startTime", prim("TimeOfDay")),
			prop("timeout", prim("Duration")),
			prop("photo", prim("Binary")),
			prop("content", prim("Stream")),
			prop("size", prim("Int64")),
			prop("extra", model.TypeRef{Name: "microsoft.graph.Json", Kind: model.KindPrimitive}),
			prop("type", prim("String")),
			prop("3dModel", prim("String")),
			prop("displayName", prim("String")),
			prop("display_name", prim("String")),
			prop("ids", many(prim("String"))),
			prop("modes", many(ref(ns+".widgetModes", model.KindEnum))),
			prop("kind", ref(ns+".widgetKind", model.KindEnum)),
			prop("odataType", prim("String")),
			{Name: "tags", Type: many(prim("String")), Nullable: &notNull},
		},
		NavigationProperties: []*model.Property{
			prop("mainPart", ref(ns+".part", model.KindComplex)),
			prop("parts", many(ref(ns+".part", model.KindComplex))),
			prop("gear", ref(ns+".gear", model.KindComplex)),
		},
	}
	part := &model.Type{Kind: model.KindComplex, Namespace: ns, Name: "part", Abstract: true,
		Properties: []*model.Property{prop("weight", prim("Double"))}}
	gear := &model.Type{Kind: model.KindComplex, Namespace: ns, Name: "gear", BaseType: ns + ".part",
		Properties: []*model.Property{prop("teeth", prim("Int32")), prop("weight", prim("Double"))}}
	modes := &model.Type{Kind: model.KindEnum, Namespace: ns, Name: "widgetModes", Flags: true,
		Members: []*model.EnumMember{{Name: "none"}, {Name: "fast"}, {Name: "quiet"}}}
	kind := &model.Type{Kind: model.KindEnum, Namespace: ns, Name: "widgetKind", Evolvable: true,
		Members: []*model.EnumMember{{Name: "default"}, {Name: "func"}, {Name: "3d"}, {Name: "unknownFutureValue"}}}
	// Two names that differ in the docs and convert to the same Go name, WebURLInfo.
	urlInfoA := &model.Type{Kind: model.KindComplex, Namespace: ns, Name: "webUrlInfo", Properties: []*model.Property{prop("url", prim("String"))}}
	urlInfoB := &model.Type{Kind: model.KindComplex, Namespace: ns, Name: "web_url_info", Properties: []*model.Property{prop("uri", prim("String"))}}
	// Names the support code declares at package level.
	client := &model.Type{Kind: model.KindComplex, Namespace: ns, Name: "client", Properties: []*model.Property{prop("name", prim("String"))}}
	server := &model.Type{Kind: model.KindComplex, Namespace: ns, Name: "server", Properties: []*model.Property{prop("name", prim("String"))}}
	// A type of another namespace with the same short name as one of the default namespace.
	otherWidget := &model.Type{Kind: model.KindEntity, Namespace: ns + ".callRecords", Name: "widget", BaseType: ns + ".entity",
		Properties: []*model.Property{prop("version", prim("Int64"))}}

	path := func(template string, params ...model.PathParam) []*model.Path {
		return []*model.Path{{Raw: template, Template: template, Params: params}}
	}
	id := model.PathParam{Name: "id", Written: "id", Kind: model.ParamSegment, Type: prim("String")}
	widgetRef := ref(ns+".widget", model.KindEntity)
	ops := []*model.Operation{
		{ID: "api/widget-get", Page: "api/widget-get.md", Title: "Get widget", Method: "GET", Paths: path("/widgets/{id}", id),
			Response: model.Response{Status: 200, Type: &widgetRef}},
		{ID: "api/widget-list", Page: "api/widget-list.md", Title: "List widgets", Method: "GET", Paths: path("/widgets"),
			Response: model.Response{Status: 200, Type: &model.TypeRef{Name: ns + ".widget", Kind: "entity", Collection: true}}},
		{ID: "api/widget-delta", Page: "api/widget-delta.md", Title: "widget: delta", Method: "GET", Paths: path("/widgets/delta()"),
			Response: model.Response{Status: 200, Type: &model.TypeRef{Name: ns + ".widget", Kind: "entity", Collection: true}}},
		{ID: "api/widget-post", Page: "api/widget-post.md", Title: "Create widget", Method: "POST", Paths: path("/widgets"),
			RequestBody: &model.RequestBody{Kind: model.BodyType, Type: &widgetRef,
				Params: []*model.Property{{Name: "displayName", Type: prim("String"), Required: true}}},
			Response: model.Response{Status: 201, Type: &widgetRef}},
		{ID: "api/widget-update", Page: "api/widget-update.md", Title: "Update widget", Method: "PATCH", Paths: path("/widgets/{id}", id),
			RequestBody: &model.RequestBody{Kind: model.BodyParameters, Params: []*model.Property{prop("displayName", prim("String"))}},
			Response:    model.Response{Status: 204}},
		{ID: "api/widget-delete", Page: "api/widget-delete.md", Title: "Delete widget", Method: "DELETE", Paths: path("/widgets/{id}", id)},
		{ID: "api/widget-put-content", Page: "api/widget-put-content.md", Title: "Upload content", Method: "PUT",
			Paths:       path("/widgets/{id}/content", id),
			RequestBody: &model.RequestBody{Kind: model.BodyStream}, Response: model.Response{Status: 204}},
		{ID: "api/widget-get-content", Page: "api/widget-get-content.md", Title: "Download content", Method: "GET",
			Paths:    path("/widgets/{id}/content", id),
			Response: model.Response{Status: 200, Type: &model.TypeRef{Name: "Edm.Stream", Kind: model.KindPrimitive}}},
		{ID: "api/widget-rotate", Page: "api/widget-rotate.md", Title: "widget: rotate", Method: "POST",
			Paths: path("/widgets/{id}/rotate", id),
			RequestBody: &model.RequestBody{Kind: model.BodyParameters, Params: []*model.Property{
				{Name: "angle", Type: prim("Double"), Required: true}, prop("type", prim("String"))}},
			Response: model.Response{Status: 200, Type: &model.TypeRef{Name: ns + ".part", Kind: "complex"}}},
	}
	m := &model.Model{
		Types:      []*model.Type{entity, widget, part, gear, modes, kind, urlInfoA, urlInfoB, client, server, otherWidget},
		Operations: ops,
	}
	m.Sort()
	return m
}
