import { regex } from 'react-admin';

/** ISO-8601 duration such as P3D, P1M, PT5S (the API stores policies and cadences this way). */
export const isoDuration = regex(
    /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/,
    'app.validation.iso_duration'
);
