import ConditionIcon from '@mui/icons-material/Rule';
import type { RaRecord } from 'react-admin';
import { ConditionList } from './ConditionList';
import { ConditionShow } from './ConditionShow';

export default {
    list: ConditionList,
    show: ConditionShow,
    icon: ConditionIcon,
    recordRepresentation: (record: RaRecord) => record.text,
};
