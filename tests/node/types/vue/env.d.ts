// The app's one reference to the element types for templates.
import type {} from 'xinyong/vue';
