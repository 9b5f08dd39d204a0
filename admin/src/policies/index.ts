import { createElement } from 'react';
import PolicyIcon from '@mui/icons-material/Timer';
import { PolicyList } from './PolicyList';
import { PolicyEdit } from './PolicyEdit';
import { EnumField } from '../shared/EnumField';

export default {
    list: PolicyList,
    edit: PolicyEdit,
    icon: PolicyIcon,
    // The id is the gate's code; show its translated name instead.
    recordRepresentation: createElement(EnumField, { source: 'id', group: 'gate' }),
};
