import BenefitIcon from '@mui/icons-material/TrendingUp';
import { BenefitList } from './BenefitList';
import { BenefitShow } from './BenefitShow';
import { BenefitEdit } from './BenefitEdit';
import { BenefitCreate } from './BenefitCreate';

export default {
    list: BenefitList,
    show: BenefitShow,
    edit: BenefitEdit,
    create: BenefitCreate,
    icon: BenefitIcon,
    recordRepresentation: 'title',
};
