/** The steps whose output on pets.png is stored in __fixtures__ and compared by the tests. */
export const expectedImages: Record<string, { step: Record<string, unknown>; predictions?: 'predictions' | 'classification' }> = {
  'pets.boxes-and-labels.png': {
    step: { type: 'roboflow_core/label_visualization@v1', text: 'Class and Confidence', text_scale: 0.6, text_padding: 4, border_radius: 3 },
  },
  'pets.classification.png': {
    step: { type: 'roboflow_core/classification_label_visualization@v1', text: 'Class and Confidence', text_position: 'BOTTOM_RIGHT', text_scale: 0.5, text_padding: 5 },
    predictions: 'classification',
  },
};
