import GoalIcon from '@mui/icons-material/Flag';
import type { RaRecord } from 'react-admin';
import { GoalList } from './GoalList';
import { GoalShow } from './GoalShow';
import { GoalEdit } from './GoalEdit';
import { GoalCreate } from './GoalCreate';

export default {
    list: GoalList,
    show: GoalShow,
    edit: GoalEdit,
    create: GoalCreate,
    icon: GoalIcon,
    recordRepresentation: (record: RaRecord) => `${record.code} – ${record.title}`,
};
