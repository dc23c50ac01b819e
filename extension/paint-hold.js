// Registered by the background at document_start on the sites with parts hidden by hand, and only
// there: holds the first paint until the content script has hidden them (first-paint.js).
import { holdFirstPaint } from './first-paint.js';

holdFirstPaint();
