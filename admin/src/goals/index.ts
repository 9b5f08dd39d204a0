import GoalIcon from '@mui/icons-material/Flag';
import type { RaRecord } from 'react-admin';
import { GoalList } from './GoalList';
import { GoalShow } from './GoalShow';
import { GoalForm } from './GoalForm';
import { createPage, editPage } from '../shared/pages';

export default {
    list: GoalList,
    show: GoalShow,
    edit: editPage(GoalForm),
    create: createPage(GoalForm),
    icon: GoalIcon,
    recordRepresentation: (record: RaRecord) => `${record.code} – ${record.title}`,
};
