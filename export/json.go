package export

import (
	"encoding/json"

	"github.com/graphdocgen/graphdocgen/model"
)

// ModelFormat identifies the JSON model format; it changes when a change would break readers.
const ModelFormat = "graphdocgen/model/v1"

type jsonModel struct {
	Format string `json:"format"`
	*model.Model
}

// JSON renders the model as indented JSON (see the README for the format).
func JSON(m *model.Model) ([]byte, error) {
	b, err := json.MarshalIndent(jsonModel{Format: ModelFormat, Model: m}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// ReadJSON reads a model written by JSON.
func ReadJSON(data []byte) (*model.Model, error) {
	var jm jsonModel
	jm.Model = &model.Model{}
	if err := json.Unmarshal(data, &jm); err != nil {
		return nil, err
	}
	jm.Model.Reindex()
	return jm.Model, nil
}
