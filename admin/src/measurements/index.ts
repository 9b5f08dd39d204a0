import MeasurementIcon from '@mui/icons-material/Straighten';
import type { RaRecord } from 'react-admin';
import { MeasurementList } from './MeasurementList';
import { MeasurementShow } from './MeasurementShow';
import { MeasurementCreate } from './MeasurementCreate';

export default {
    list: MeasurementList,
    show: MeasurementShow,
    create: MeasurementCreate,
    icon: MeasurementIcon,
    recordRepresentation: (record: RaRecord) => `${record.value} (${String(record.measuredAt ?? '').slice(0, 10)})`,
};
