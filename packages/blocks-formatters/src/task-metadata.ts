/** UI labels for the detector's task types (the schema's `values_metadata`), in our own words. */
export const TASK_METADATA = {
  'object-detection': { name: 'Unprompted Object Detection', description: 'The model finds the notable objects in the image and boxes them' },
  'open-vocabulary-object-detection': { name: 'Object Detection', description: 'The model boxes objects of the classes you list' },
  'object-detection-and-caption': { name: 'Detection & Captioning', description: 'The model boxes notable objects and writes a caption for each' },
  'phrase-grounded-object-detection': { name: 'Prompted Object Detection', description: 'The model boxes the objects your text prompt describes' },
  'region-proposal': { name: 'Regions of Interest proposal', description: 'The model suggests boxes around regions worth a closer look' },
  'ocr-with-text-detection': { name: 'Text Detection & Recognition (OCR)', description: 'The model finds text regions and reads the text in each' },
} as const;
