declare module 'pdfmake/build/pdfmake.js';
