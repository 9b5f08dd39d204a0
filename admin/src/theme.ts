// Light theme with AA contrast: dark primary, no light-grey text, visible focus rings.
import { defaultTheme, type RaThemeOptions } from 'react-admin';

const focusRing = { outline: '3px solid #1a4f8b', outlineOffset: 2 };

export const theme: RaThemeOptions = {
    ...defaultTheme,
    palette: {
        mode: 'light',
        primary: { main: '#1a4f8b', contrastText: '#ffffff' },
        secondary: { main: '#17324d', contrastText: '#ffffff' },
        success: { main: '#1b6b2f', contrastText: '#ffffff' },
        warning: { main: '#8a4b00', contrastText: '#ffffff' },
        error: { main: '#b3261e', contrastText: '#ffffff' },
        info: { main: '#0b5a78', contrastText: '#ffffff' },
        text: { primary: '#1c1c1c', secondary: '#4a4a4a', disabled: '#6b6b6b' },
        background: { default: '#f5f6f8', paper: '#ffffff' },
    },
    components: {
        ...defaultTheme.components,
        MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
        MuiLink: { styleOverrides: { root: { '&:focus-visible': focusRing } } },
        MuiStepIcon: { styleOverrides: { text: { fontWeight: 700 } } },
        // react-admin's row checkboxes pass aria-label to MUI's root <span>; it belongs on the <input>.
        MuiCheckbox: {
            defaultProps: {
                slotProps: {
                    root: () => ({ 'aria-label': undefined }),
                    input: (ownerState: { 'aria-label'?: string }) =>
                        ownerState['aria-label'] ? { 'aria-label': ownerState['aria-label'] } : {},
                },
            },
        },
        // react-admin dims these messages with opacity 0.5, below AA contrast.
        RaEmpty: { styleOverrides: { root: { '& .RaEmpty-message': { color: '#4a4a4a' } } } },
        RaAccessDenied: { styleOverrides: { root: { '& .RaAccessDenied-message': { opacity: 1, color: '#1c1c1c' } } } },
        RaNotFound: { styleOverrides: { root: { '& .RaNotFound-message': { opacity: 1, color: '#1c1c1c' } } } },
        RaAuthenticationError: {
            styleOverrides: { root: { '& .RaAuthenticationError-message': { opacity: 1, color: '#1c1c1c' } } },
        },
    },
};
